package io.guardstream.sdk;

/**
 * A snapshot of the client's counters and buffers. Every recorded event ends as sent, failed or
 * dropped, or is still buffered, in flight or spooled.
 *
 * @param recorded events the app recorded
 * @param sent records Kafka acknowledged (events and system prompt registrations)
 * @param failed records refused for good by Kafka or the serializer
 * @param dropped records dropped by the overflow policy, the spool bound, or close()
 * @param spooled records written to the disk spool
 * @param replayed records read back from the spool and acknowledged
 * @param bufferedEvents events waiting in memory
 * @param bufferedBytes estimated bytes waiting in memory
 * @param inFlight records handed to the Kafka producer and not yet acknowledged
 * @param spoolBytes bytes in the disk spool
 * @param checks inline checks run
 * @param rulesApplied published rule sets activated
 * @param rulesRejected published rule sets rejected
 * @param ruleSetVersion version of the rule set used by inline checks, or null before the first
 */
public record SdkStats(
    long recorded, long sent, long failed, long dropped, long spooled, long replayed,
    long bufferedEvents, long bufferedBytes, long inFlight, long spoolBytes,
    long checks, long rulesApplied, long rulesRejected, String ruleSetVersion) {}
