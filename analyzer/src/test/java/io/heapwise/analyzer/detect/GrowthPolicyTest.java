// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.bytecode.ObjectModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.heapwise.analyzer.model.VmSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrowthPolicyTest {

  private static final ObjectModel COMPRESSED = ObjectModel.of(new VmSettings(Map.of(), true, 8));

  @Test
  void objectSizesFollowTheRecordedSettings() {
    assertThat(CollectionType.ARRAY_LIST.instanceBytes(COMPRESSED)).isEqualTo(24);
    assertThat(CollectionType.HASH_MAP.instanceBytes(COMPRESSED)).isEqualTo(48);
    assertThat(COMPRESSED.arrayBytes(4, 10)).isEqualTo(56);
    assertThat(COMPRESSED.assumed()).doesNotContain("UseCompressedOops=true");
    ObjectModel wide = ObjectModel.of(new VmSettings(Map.of(), false, 8));
    assertThat(CollectionType.ARRAY_LIST.instanceBytes(wide)).isEqualTo(32);
    assertThat(wide.arrayBytes(8, 10)).isEqualTo(96);
    ObjectModel compact = ObjectModel.of(new VmSettings(Map.of("UseCompactObjectHeaders", "true"), true, 8));
    assertThat(compact.instanceBytes(0, 8)).as("a Long with compact headers").isEqualTo(16);
    assertThat(COMPRESSED.instanceBytes(0, 8)).as("a Long").isEqualTo(24);
    assertThat(ObjectModel.of(VmSettings.UNKNOWN).assumed()).contains("UseCompressedOops=true");
  }

  /** 10, 15, 22, 33, ... sums to about three times the final length: 3n references to reach n elements. */
  @Test
  void arrayListGrowthCopiesAboutThreeReferencesPerElement() {
    long bytes = GrowthPolicy.ARRAY_LIST.growthBytes(1_000, COMPRESSED);
    // Arrays up to 1,234 elements: 3,690 references, 13 headers, and 4 bytes of padding for the 8 odd lengths.
    assertThat(bytes).isEqualTo(3_690 * 4 + 13 * 16 + 8 * 4);
    assertThat((double) bytes).isCloseTo(3 * 1_234 * 4, within(0.05 * 3 * 1_234 * 4));
    assertThat(GrowthPolicy.ARRAY_LIST.growthBytes(10, COMPRESSED)).as("the lazy first array only").isEqualTo(56);
    assertThat(GrowthPolicy.ARRAY_LIST.growthBytes(0, COMPRESSED)).isZero();
  }

  @Test
  void growthBytesInvertToTheCapacityReached() {
    for (GrowthPolicy policy : GrowthPolicy.values()) {
      for (long n : new long[] {50, 369, 839, 10_000}) {
        long reached = policy.elementsForGrowthBytes(policy.growthBytes(n, COMPRESSED), COMPRESSED);
        assertThat(reached).as(policy + " for " + n).isGreaterThanOrEqualTo(n);
        assertThat(policy.growthBytes(reached, COMPRESSED)).as(policy + " for " + n)
            .isEqualTo(policy.growthBytes(n, COMPRESSED));
      }
    }
  }

  @Test
  void hashMapHoldsThreeQuartersOfItsTable() {
    assertThat(GrowthPolicy.HASH_MAP.presizedLength(600)).isEqualTo(1024);
    assertThat(GrowthPolicy.HASH_MAP.presizedLength(12)).isEqualTo(16);
    assertThat(GrowthPolicy.HASH_MAP.presizedLength(13)).isEqualTo(32);
    assertThat(GrowthPolicy.HASH_MAP.elementsForArrayBytes(COMPRESSED.arrayBytes(1024, 4), COMPRESSED))
        .isEqualTo(768);
    assertThat(GrowthPolicy.HASH_MAP.savedFraction()).isEqualTo(0.5);
    assertThat(GrowthPolicy.ARRAY_LIST.savedFraction()).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void capacitiesAreRoundedUpToNumbersPeopleWrite() {
    assertThat(GrowthEstimate.friendly(10)).isEqualTo(10);
    assertThat(GrowthEstimate.friendly(369)).isEqualTo(400);
    assertThat(GrowthEstimate.friendly(824)).isEqualTo(1_000);
    assertThat(GrowthEstimate.friendly(1_234)).isEqualTo(1_500);
    assertThat(GrowthEstimate.friendly(2_001)).isEqualTo(2_500);
    assertThat(GrowthEstimate.friendly(100)).isEqualTo(100);
  }

  @Test
  void presizedConstructionsMatchTheJdk() {
    assertThat(CollectionType.HASH_MAP.presized(600, 21)).isEqualTo("HashMap.newHashMap(600)");
    assertThat(CollectionType.HASH_SET.presized(600, 19)).isEqualTo("HashSet.newHashSet(600)");
    assertThat(CollectionType.HASH_MAP.presized(600, 17)).isEqualTo("new HashMap<>((int) (600 / 0.75f) + 1)");
    assertThat(CollectionType.HASH_MAP.presized(600, -1)).isEqualTo("new HashMap<>((int) (600 / 0.75f) + 1)");
    assertThat(CollectionType.STRING_BUILDER.presized(256, 21)).isEqualTo("new StringBuilder(256)");
    assertThat(CollectionType.ARRAY_LIST.presized(512, 17)).isEqualTo("new ArrayList<>(512)");
    assertThat(UnsizedCollectionFinding.jdkFeature("21.0.2")).isEqualTo(21);
    assertThat(UnsizedCollectionFinding.jdkFeature(null)).isEqualTo(-1);
  }
}
