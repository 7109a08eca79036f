// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;

/**
 * The tax step of a web shop's invoicing: for each invoice line, the net amount as {@link Money}, then the VAT on it.
 * Planted: the {@code Money} goes to {@link VatRules#vatOn}, 459 bytes of bytecode: too big for C2 to inline
 * into this hot loop ({@code FreqInlineSize} is 325), so the call stays a call, the {@code Money} must exist for it,
 * and every line allocates one on the heap, although nothing keeps it. Twin: {@link SplitVatCalculator}, which calls
 * the same rules cut in two, a small front that unwraps the amount and a big back that takes a {@code long}.
 */
public final class VatCalculator {
    private final InvoiceLines lines;

    VatCalculator(InvoiceLines lines) {
        this.lines = lines;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(VatCalculator.class, args);
        VatCalculator calculator = new VatCalculator(new InvoiceLines());
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
            Money net = new Money(l.unitCents[i] * l.quantity[i], l.country[i].currency); // planted: ESCAPE_CANDIDATE
            vat += VatRules.vatOn(net, l.category[i], l.country[i]);
        }
        return vat;
    }
}
