// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

/**
 * Value-added tax of an invoice line: a rate by the buyer's country and the product's category, the country's
 * rounding rule, and two national special cases (simplified, partly invented: they are here to give the method the
 * size such methods have). The rules are the same in both forms below; only how they are cut into methods differs,
 * and that is what decides whether C2 can keep the line's {@link Money} off the heap.
 */
final class VatRules {
    /** What is sold; some categories have reduced rates. */
    enum Category { GOODS, FOOD, BOOKS, CHILDRENS_CLOTHES, MEDICINE }

    /** How a country rounds tax to its smallest coin. */
    enum Rounding { HALF_UP, HALF_EVEN, NEAREST_FIVE_CENTS }

    /** The buyer's country: its currency and rounding rule. */
    enum Country {
        GERMANY("EUR", Rounding.HALF_UP), FRANCE("EUR", Rounding.HALF_UP), IRELAND("EUR", Rounding.HALF_EVEN),
        SWITZERLAND("CHF", Rounding.NEAREST_FIVE_CENTS), UNITED_KINGDOM("GBP", Rounding.HALF_EVEN);

        final String currency;
        final Rounding rounding;

        Country(String currency, Rounding rounding) {
            this.currency = currency;
            this.rounding = rounding;
        }
    }

    private VatRules() {
    }

    /**
     * The tax on a line's net amount, all in one method as first written: 459 bytes of bytecode, more than
     * C2's {@code FreqInlineSize} (325), so C2 does not inline it into a hot caller ("hot method too big") and the
     * {@code net} the caller passes must exist on the heap.
     */
    static long vatOn(Money net, Category category, Country country) {
        if (!net.currency().equals(country.currency)) {
            throw new IllegalArgumentException("a line taxed in " + country + " must be in " + country.currency);
        }
        long cents = net.cents();
        int basisPoints = switch (country) {
            case GERMANY -> category == Category.FOOD || category == Category.BOOKS ? 700 : 1900;
            case FRANCE -> switch (category) {
                case FOOD, BOOKS -> 550;
                case MEDICINE -> 210;
                default -> 2000;
            };
            case IRELAND -> switch (category) {
                case GOODS -> 2300;
                case FOOD, BOOKS -> 1350;
                default -> 0;
            };
            case SWITZERLAND -> category == Category.GOODS || category == Category.CHILDRENS_CLOTHES ? 810 : 260;
            case UNITED_KINGDOM -> category == Category.GOODS ? 2000 : category == Category.MEDICINE ? 500 : 0;
        };
        // Switzerland exempts lines under 5 francs from foreign sellers; Ireland caps the tax on a line of books.
        if (country == Country.SWITZERLAND && cents < 500) {
            return 0;
        }
        long scaled = cents * basisPoints; // the tax in 1/10,000 of a cent
        long tax = switch (country.rounding) {
            case HALF_UP -> (scaled + 5_000) / 10_000;
            case HALF_EVEN -> {
                long whole = scaled / 10_000;
                long rest = scaled % 10_000;
                yield rest > 5_000 || rest == 5_000 && (whole & 1) == 1 ? whole + 1 : whole;
            }
            case NEAREST_FIVE_CENTS -> (scaled + 25_000) / 50_000 * 5;
        };
        if (country == Country.IRELAND && category == Category.BOOKS) {
            tax = Math.min(tax, 1_000);
        }
        return tax;
    }

    /**
     * The same rules, split: this method is all a hot caller needs to inline (45 bytes) to see everything that
     * is done with {@code net}, so the caller's {@code Money} does not escape and is scalar-replaced. The rest of the
     * work, {@link #vatOnCents} (419 bytes), is still too big to inline, but it takes the amount as a {@code long}.
     */
    static long vatOnSplit(Money net, Category category, Country country) {
        if (!net.currency().equals(country.currency)) {
            throw new IllegalArgumentException("a line taxed in " + country + " must be in " + country.currency);
        }
        return vatOnCents(net.cents(), category, country);
    }

    /** {@link #vatOn}'s rules after its currency check, for an amount in cents. */
    static long vatOnCents(long cents, Category category, Country country) {
        int basisPoints = switch (country) {
            case GERMANY -> category == Category.FOOD || category == Category.BOOKS ? 700 : 1900;
            case FRANCE -> switch (category) {
                case FOOD, BOOKS -> 550;
                case MEDICINE -> 210;
                default -> 2000;
            };
            case IRELAND -> switch (category) {
                case GOODS -> 2300;
                case FOOD, BOOKS -> 1350;
                default -> 0;
            };
            case SWITZERLAND -> category == Category.GOODS || category == Category.CHILDRENS_CLOTHES ? 810 : 260;
            case UNITED_KINGDOM -> category == Category.GOODS ? 2000 : category == Category.MEDICINE ? 500 : 0;
        };
        if (country == Country.SWITZERLAND && cents < 500) {
            return 0;
        }
        long scaled = cents * basisPoints;
        long tax = switch (country.rounding) {
            case HALF_UP -> (scaled + 5_000) / 10_000;
            case HALF_EVEN -> {
                long whole = scaled / 10_000;
                long rest = scaled % 10_000;
                yield rest > 5_000 || rest == 5_000 && (whole & 1) == 1 ? whole + 1 : whole;
            }
            case NEAREST_FIVE_CENTS -> (scaled + 25_000) / 50_000 * 5;
        };
        if (country == Country.IRELAND && category == Category.BOOKS) {
            tax = Math.min(tax, 1_000);
        }
        return tax;
    }
}
