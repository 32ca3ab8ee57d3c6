package io.guardstream.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small thread-safe least-recently-used map, so caches stay bounded however many schemas pass. */
final class LruCache<K, V> {
  private final Map<K, V> map;

  LruCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized V get(K key) {
    return map.get(key);
  }

  synchronized void put(K key, V value) {
    map.put(key, value);
  }
}
