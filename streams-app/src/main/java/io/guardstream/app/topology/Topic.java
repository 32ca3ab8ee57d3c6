package io.guardstream.app.topology;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic as a value: its name and the serde of its values (keys are always tenant:user strings). */
public record Topic<V>(String name, Serde<V> valueSerde) {
  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }
}
