package io.guardstream.app.topology;

import io.guardstream.schema.AiEvent;

/** Checks a decoded event carries what the guard, the audit trail and the per-user state need. */
final class EventValidation {
  private EventValidation() {}

  /** The first problem found, naming the field, or null when the event is usable. */
  static String problem(AiEvent event) {
    if (blank(event.getEventId())) {
      return "event_id is empty";
    }
    if (blank(event.getInteractionId())) {
      return "interaction_id is empty";
    }
    if (blank(event.getTenant())) {
      return "tenant is empty";
    }
    if (blank(event.getUserId())) {
      return "user_id is empty";
    }
    if (event.getTenant().indexOf(':') >= 0) {
      return "tenant must not contain ':' (the record key is tenant:user_id)";
    }
    if (event.getApp() == null || blank(event.getApp().getName())) {
      return "app.name is empty";
    }
    if (event.getEventTime() == null || event.getEventTime().toEpochMilli() <= 0) {
      return "event_time is not set";
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
