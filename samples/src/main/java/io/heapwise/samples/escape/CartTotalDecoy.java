// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A decoy for the escape analysis detector: nothing to fix. A shop prices its open carts with a for-each loop over
 * each cart's {@code ArrayList} of items. The loop's {@code Iterator} is allocated in {@code ArrayList.iterator()}
 * and used only by the loop; the call is monomorphic and the iterator's methods are small, so C2 inlines them all and
 * scalar-replaces the iterator: after warm-up the loop allocates nothing, and a detector must not report it.
 */
public final class CartTotalDecoy {
    static final long SEED = 20261201L;
    static final int CARTS = 512;

    /** One line of a cart. */
    record CartItem(long unitCents, int quantity) {
    }

    private final List<List<CartItem>> carts = new ArrayList<>(CARTS);

    CartTotalDecoy() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int c = 0; c < CARTS; c++) {
            int size = random.nextInt(1, 16);
            List<CartItem> items = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                items.add(new CartItem(random.nextLong(99, 20_000), random.nextInt(1, 4)));
            }
            carts.add(items);
        }
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(CartTotalDecoy.class, args);
        CartTotalDecoy shop = new CartTotalDecoy();
        long priced = 0;
        long checksum = 0;
        run.begin();
        do {
            for (int c = 0; c < CARTS; c++) {
                checksum = 31 * checksum + shop.totalCents(c);
            }
            priced += CARTS;
        } while (run.keepGoing(priced));
        run.end("priced %,d carts", priced, checksum);
    }

    /** What cart {@code c} costs, in cents. */
    long totalCents(int c) {
        long total = 0;
        for (CartItem item : carts.get(c)) { // decoy: ESCAPE_CANDIDATE
            total += item.unitCents() * item.quantity();
        }
        return total;
    }
}
