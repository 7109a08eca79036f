// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;

/**
 * The fixed twin of {@link VatCalculator}: the same rules, called through {@link VatRules#vatOnSplit}, a small front
 * that C2 inlines and that hands the amount on as a {@code long}. Everything done with the line's {@link Money} is
 * then in the compiled loop, the {@code Money} does not escape, and C2 scalar-replaces it: no allocation per line.
 */
public final class SplitVatCalculator {
    private final InvoiceLines lines;

    SplitVatCalculator(InvoiceLines lines) {
        this.lines = lines;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(SplitVatCalculator.class, args);
        SplitVatCalculator calculator = new SplitVatCalculator(new InvoiceLines());
        long taxed = 0;
        long checksum = 0;
        run.begin();
        do {
            checksum = 31 * checksum + calculator.taxAll();
            taxed += InvoiceLines.LINES;
        } while (run.keepGoing(taxed));
        run.end("taxed %,d invoice lines", taxed, checksum);
    }

    /** The VAT of every line, summed. */
    long taxAll() {
        InvoiceLines l = lines;
        long vat = 0;
        for (int i = 0; i < InvoiceLines.LINES; i++) {
            Money net = new Money(l.unitCents[i] * l.quantity[i], l.country[i].currency); // fixed: ESCAPE_CANDIDATE
            vat += VatRules.vatOnSplit(net, l.category[i], l.country[i]);
        }
        return vat;
    }
}
