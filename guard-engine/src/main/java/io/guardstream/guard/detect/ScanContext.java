package io.guardstream.guard.detect;

import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.text.NormalizedText;

/**
 * What a detector sees for one scan: the view's text (raw or normalised), the request for
 * context, and where its trigger literals occurred.
 */
public interface ScanContext {

  /** The scanned text in the detector's view (empty for EVENT detectors). */
  CharSequence text();

  /** The normalised view when the detector asked for it, else null. */
  NormalizedText normalized();

  /** The request being checked. */
  GuardRequest request();

  /** Field being scanned (content, tool.arguments, attributes.KEY). */
  String location();

  /** Number of trigger occurrences for this detector, in position order. */
  int triggerCount();

  /** Index (into {@link Detector#triggers()}) of the k-th trigger occurrence. */
  int trigger(int k);

  /** Start of the k-th trigger occurrence in {@link #text()}. */
  int triggerStart(int k);

  /** End of the k-th trigger occurrence in {@link #text()}. */
  int triggerEnd(int k);
}
