// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The attach integration test finds the service's planted sites by their marker comments, one file and line per
 * kind: each handler must carry exactly its own marker, as a trailing comment on the allocating line.
 */
class PlantedMarkersTest {
    /** Handler source file by planted kind. */
    private static final Map<String, String> PLANTED = Map.of(
            "UNSIZED_COLLECTION", "ProductSearchHandler.java",
            "POOLING_CANDIDATE", "InventoryImportHandler.java",
            "BOXING", "LatencyStatsHandler.java");
    private static final Pattern MARKER = Pattern.compile("//\\s*planted:\\s*(\\S+)");
    /** Code, then the marker as the line's last thing. */
    private static final Pattern MARKED_LINE = Pattern.compile("^\\s+\\S.*; // planted: [A-Z_]+$");

    @Test
    void eachKindIsPlantedExactlyOnceInItsHandler() throws IOException {
        Map<String, List<String>> kindsByFile = new TreeMap<>();
        for (Path source : sources()) {
            List<String> kinds = Files.readAllLines(source).stream()
                    .map(MARKER::matcher).filter(Matcher::find).map(marker -> marker.group(1)).toList();
            if (!kinds.isEmpty()) {
                kindsByFile.put(source.getFileName().toString(), kinds);
            }
        }

        Map<String, List<String>> expected = PLANTED.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getValue, planted -> List.of(planted.getKey()), (a, b) -> a, TreeMap::new));
        assertThat(kindsByFile).isEqualTo(expected);
    }

    @Test
    void markersTrailTheAllocatingLine() throws IOException {
        for (String file : PLANTED.values()) {
            List<String> lines = Files.readAllLines(serviceSources().resolve(file));
            assertThat(lines).filteredOn(line -> line.contains("// planted:")).singleElement().satisfies(
                    line -> assertThat(line).as(file).matches(MARKED_LINE));
        }
    }

    @Test
    void theUnsizedListIsCreatedAboveItsGrowthLine() throws IOException {
        List<String> lines = Files.readAllLines(serviceSources().resolve(PLANTED.get("UNSIZED_COLLECTION")));
        List<Integer> constructors = IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).endsWith("new ArrayList<>(); // planted-constructor: UNSIZED_COLLECTION"))
                .boxed().toList();
        int growth = IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).endsWith("// planted: UNSIZED_COLLECTION")).findFirst().orElseThrow();

        assertThat(constructors).singleElement().satisfies(line -> assertThat(line).isLessThan(growth));
        assertThat(String.join("\n", lines)).containsOnlyOnce("// planted-constructor:");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(serviceSources())) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Path serviceSources() {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return moduleDir.resolve("src/main/java").resolve(CatalogService.class.getPackageName().replace('.', '/'));
    }
}
