// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.gate;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The unit of work for a CI gate: one event per batch of {@link WholesaleCheckout#BATCH} purchase orders, so that a
 * recording's allocation can be divided by the work done ({@code heapwise gate --work-event heapwise.samples.Requests}).
 *
 * <p>Batches are always full, so the number of events times the batch size is the number of requests, and the sum of
 * {@link #count} is the same number. No stack trace: the event is committed from the same place every time, and a
 * trace would only cost time in the batch it measures.
 */
@Name(RequestsEvent.NAME)
@Label("Requests")
@Category({"Heapwise", "Samples"})
@Description("A batch of purchase orders priced by the order desk sample; its duration is the batch's")
@StackTrace(false)
public final class RequestsEvent extends Event {
    /** The event's name in recordings. */
    public static final String NAME = "heapwise.samples.Requests";

    @Label("Count")
    @Description("Requests handled in the batch")
    long count;
}
