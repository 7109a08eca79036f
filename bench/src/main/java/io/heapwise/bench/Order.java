// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An order as a web shop's API would send it. The time is an ISO-8601 string, not a java.time type, so that
 * plain jackson-databind reads it without the JSR-310 module. {@code metadata} is untyped: Jackson reads it
 * back as maps, lists, boxed numbers and booleans.
 */
public final class Order {
  private String id;
  private OrderStatus status;
  private String placedAt;
  private String currency;
  private Customer customer;
  private List<LineItem> items;
  private BigDecimal total;
  private Map<String, Object> metadata;
  private String note;

  public Order() {}

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public OrderStatus getStatus() {
    return status;
  }

  public void setStatus(OrderStatus status) {
    this.status = status;
  }

  public String getPlacedAt() {
    return placedAt;
  }

  public void setPlacedAt(String placedAt) {
    this.placedAt = placedAt;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public Customer getCustomer() {
    return customer;
  }

  public void setCustomer(Customer customer) {
    this.customer = customer;
  }

  public List<LineItem> getItems() {
    return items;
  }

  public void setItems(List<LineItem> items) {
    this.items = items;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public void setTotal(BigDecimal total) {
    this.total = total;
  }

  public Map<String, Object> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, Object> metadata) {
    this.metadata = metadata;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
