// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Makes the same varied orders for every run: a fixed seed, 1 to 12 line items each, about 2 KB of JSON. */
final class Orders {
  private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken",
      "Margaret", "Niklaus", "Radia", "Tony", "Katherine", "John", "Leslie", "Sophie"};
  private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
      "Thompson", "Hamilton", "Wirth", "Perlman", "Hoare", "Johnson", "Backus", "Lamport", "Wilson"};
  private static final String[] CITIES = {"Amsterdam", "Berlin", "Lisbon", "Zürich", "Kraków", "Göteborg",
      "Montréal", "São Paulo", "Osaka", "Toronto", "Austin", "Dublin"};
  private static final String[] COUNTRIES = {"NL", "DE", "PT", "CH", "PL", "SE", "CA", "BR", "JP", "CA", "US", "IE"};
  private static final String[] STREETS = {"Keizersgracht", "Unter den Linden", "Rua Augusta", "Bahnhofstrasse",
      "Floriańska", "Kungsgatan", "Rue Sainte-Catherine", "Avenida Paulista", "Midosuji", "Queen Street West",
      "Congress Avenue", "Grafton Street"};
  private static final String[] PRODUCTS = {"Merino crew-neck sweater", "Trail running shoe", "Cast-iron skillet",
      "Espresso grinder", "Noise-cancelling headphones", "Linen bed sheet set", "Chef's knife 21 cm",
      "Rain jacket", "Ceramic pour-over dripper", "Mechanical keyboard", "Wool socks (3 pairs)", "Yoga mat"};
  private static final String[] COLOURS = {"black", "navy", "forest green", "oat", "charcoal", "rust", "white"};
  private static final String[] SIZES = {"XS", "S", "M", "L", "XL", "EU 42", "EU 44", "one size"};
  private static final String[] TAGS = {"vip", "newsletter", "b2b", "returns-often", "gift-buyer", "early-adopter"};
  private static final String[] CHANNELS = {"web", "ios", "android", "store", "phone"};
  private static final String[] CAMPAIGNS = {"spring-sale", "loyalty-2x", "free-shipping", "bundle-3for2"};
  private static final OrderStatus[] STATUSES = OrderStatus.values();
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private Orders() {}

  static List<Order> generate(int count, long seed) {
    Random random = new Random(seed);
    List<Order> orders = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      orders.add(order(random, i));
    }
    return orders;
  }

  private static Order order(Random random, int index) {
    Order order = new Order();
    order.setId(String.format(Locale.ROOT, "ORD-%08X-%04d", random.nextInt(), index));
    order.setStatus(pick(random, STATUSES));
    order.setPlacedAt(EPOCH.plus(random.nextInt(365 * 24 * 3600), ChronoUnit.SECONDS).toString());
    order.setCurrency(random.nextInt(4) == 0 ? "USD" : "EUR");
    order.setCustomer(customer(random));
    int lines = 1 + random.nextInt(12);
    List<LineItem> items = new ArrayList<>(lines);
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < lines; i++) {
      LineItem item = lineItem(random);
      items.add(item);
      BigDecimal gross = item.getUnitPrice().multiply(BigDecimal.valueOf(item.getQuantity()));
      total = total.add(gross.multiply(BigDecimal.valueOf(1 - item.getDiscountRate())));
    }
    order.setItems(items);
    order.setTotal(total.setScale(2, RoundingMode.HALF_EVEN));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("channel", pick(random, CHANNELS));
    metadata.put("priority", random.nextInt(5));
    metadata.put("giftWrap", random.nextBoolean());
    metadata.put("fraudScore", Math.round(random.nextDouble() * 1000) / 1000.0);
    List<String> campaigns = new ArrayList<>();
    for (String campaign : CAMPAIGNS) {
      if (random.nextInt(3) == 0) {
        campaigns.add(campaign);
      }
    }
    metadata.put("campaigns", campaigns);
    Map<String, Object> device = new LinkedHashMap<>();
    device.put("os", pick(random, new String[] {"iOS 19", "Android 16", "Windows 11", "macOS 26", "Linux"}));
    device.put("screenWidth", 360 + random.nextInt(2200));
    metadata.put("device", device);
    order.setMetadata(metadata);
    order.setNote(random.nextInt(3) == 0 ? "Please leave the parcel with the neighbour at no. " + random.nextInt(90)
        : null);
    return order;
  }

  private static Customer customer(Random random) {
    Customer customer = new Customer();
    String first = pick(random, FIRST);
    String last = pick(random, LAST);
    customer.setId(1_000_000L + random.nextInt(9_000_000));
    customer.setFirstName(first);
    customer.setLastName(last);
    customer.setEmail((first + "." + last + random.nextInt(100) + "@example.com").toLowerCase(Locale.ROOT));
    customer.setLoyaltyMember(random.nextBoolean());
    customer.setLoyaltyPoints(random.nextInt(50_000));
    Address billing = address(random);
    customer.setBillingAddress(billing);
    customer.setShippingAddress(random.nextInt(4) == 0 ? address(random) : billing);
    List<String> tags = new ArrayList<>();
    for (String tag : TAGS) {
      if (random.nextInt(4) == 0) {
        tags.add(tag);
      }
    }
    customer.setTags(tags);
    return customer;
  }

  private static Address address(Random random) {
    int city = random.nextInt(CITIES.length);
    return new Address(STREETS[city] + " " + (1 + random.nextInt(400)), CITIES[city],
        random.nextInt(2) == 0 ? null : "Region " + (char) ('A' + random.nextInt(26)),
        String.format(Locale.ROOT, "%05d", random.nextInt(100_000)), COUNTRIES[city]);
  }

  private static LineItem lineItem(Random random) {
    LineItem item = new LineItem();
    int product = random.nextInt(PRODUCTS.length);
    item.setSku(String.format(Locale.ROOT, "SKU-%03d-%05d", product, random.nextInt(100_000)));
    item.setName(PRODUCTS[product]);
    item.setQuantity(1 + random.nextInt(random.nextInt(10) == 0 ? 50 : 4));
    item.setUnitPrice(BigDecimal.valueOf(99 + random.nextInt(49_900), 2));
    item.setDiscountRate(random.nextInt(3) == 0 ? (5 * (1 + random.nextInt(6))) / 100.0 : 0.0);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("colour", pick(random, COLOURS));
    attributes.put("size", pick(random, SIZES));
    if (random.nextBoolean()) {
      attributes.put("warehouse", "WH-" + (1 + random.nextInt(9)));
    }
    if (random.nextInt(4) == 0) {
      attributes.put("engraving", "For " + pick(random, FIRST) + ", with love");
    }
    item.setAttributes(attributes);
    return item;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
