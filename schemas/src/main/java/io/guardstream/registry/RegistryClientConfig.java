package io.guardstream.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of {@link SchemaRegistryClient}, read from ordinary Kafka client configuration with
 * the key names Confluent's clients use, and validated up front so a mistake is reported by the
 * name of the setting rather than as a failed request later.
 */
public final class RegistryClientConfig {
  public static final String URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
  public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
  public static final String CACHE_CAPACITY = "schema.registry.cache.capacity";

  /** Credentials source: user info embedded in each URL (http://user:pass@host). */
  public static final String SOURCE_URL = "URL";
  /** Credentials source: {@value #BASIC_AUTH_USER_INFO}. */
  public static final String SOURCE_USER_INFO = "USER_INFO";

  private static final ConfigDef DEFINITION = new ConfigDef()
      .define(URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
          "Comma-separated base URLs of the Confluent-compatible schema registry API; tried in order when one fails.")
      .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, SOURCE_URL,
          ConfigDef.ValidString.in(SOURCE_URL, SOURCE_USER_INFO), Importance.MEDIUM,
          "Where basic-auth credentials come from: URL (user info in the URL) or USER_INFO (basic.auth.user.info).")
      .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
          "Basic-auth credentials as user:password, used when basic.auth.credentials.source=USER_INFO.")
      .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
          "Trust store for the registry's TLS certificate; the JVM's default trust store when unset.")
      .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the trust store.")
      .define(SSL_TRUSTSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "Trust store type (JKS, PKCS12).")
      .define(SSL_KEYSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
          "Key store with the client certificate, for registries that require TLS client authentication.")
      .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the key store.")
      .define(SSL_KEYSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "Key store type (JKS, PKCS12).")
      .define(SSL_KEY_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
          "Password of the private key in the key store; the key store password when unset.")
      .define(CONNECT_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Time allowed to open a connection to the registry.")
      .define(REQUEST_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Time allowed for one registry request, from sending to the complete answer.")
      .define(CACHE_CAPACITY, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Entries kept in each of the client's caches (schema to id per subject, id to schema).");

  /** One registry base URL and the Authorization header to send it, if any. */
  record Endpoint(URI base, String authorization) {
    @Override
    public String toString() {
      return base.toString();
    }
  }

  private final List<Endpoint> endpoints;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int cacheCapacity;
  private final Store trustStore;
  private final Store keyStore;
  private final Password keyPassword;

  /** A key or trust store setting group; null location means none. */
  record Store(String locationKey, Path location, Password password, String type) {}

  private RegistryClientConfig(Map<String, Object> parsed, Map<?, ?> originals) {
    String source = (String) parsed.get(BASIC_AUTH_CREDENTIALS_SOURCE);
    Password userInfo = (Password) parsed.get(BASIC_AUTH_USER_INFO);
    if (SOURCE_USER_INFO.equals(source) && (userInfo == null || !userInfo.value().contains(":"))) {
      throw new ConfigException(BASIC_AUTH_USER_INFO + " must be set to user:password when "
          + BASIC_AUTH_CREDENTIALS_SOURCE + "=" + SOURCE_USER_INFO);
    }
    if (userInfo != null && !originals.containsKey(BASIC_AUTH_CREDENTIALS_SOURCE)) {
      // Confluent's client would silently ignore the credentials here; say so instead.
      throw new ConfigException(BASIC_AUTH_USER_INFO + " is set but " + BASIC_AUTH_CREDENTIALS_SOURCE
          + " is not; set " + BASIC_AUTH_CREDENTIALS_SOURCE + "=" + SOURCE_USER_INFO + " to use it");
    }
    @SuppressWarnings("unchecked")
    List<String> urls = (List<String>) parsed.get(URL);
    List<Endpoint> list = new ArrayList<>();
    for (String url : urls) {
      if (!url.isBlank()) {
        list.add(endpoint(url.trim(), SOURCE_USER_INFO.equals(source) ? userInfo.value() : null));
      }
    }
    if (list.isEmpty()) {
      throw new ConfigException(URL, urls, "at least one registry URL is required");
    }
    this.endpoints = List.copyOf(list);
    this.connectTimeout = Duration.ofMillis((Integer) parsed.get(CONNECT_TIMEOUT_MS));
    this.requestTimeout = Duration.ofMillis((Integer) parsed.get(REQUEST_TIMEOUT_MS));
    this.cacheCapacity = (Integer) parsed.get(CACHE_CAPACITY);
    this.trustStore = store(parsed, SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_TYPE, false);
    this.keyStore = store(parsed, SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE, true);
    Password key = (Password) parsed.get(SSL_KEY_PASSWORD);
    this.keyPassword = key != null ? key : keyStore == null ? null : keyStore.password();
  }

  /**
   * Parses and validates client settings. Keys this class does not define are ignored, so the
   * whole producer or consumer configuration can be passed.
   *
   * @throws ConfigException naming the offending setting
   */
  public static RegistryClientConfig from(Map<String, ?> configs) {
    return new RegistryClientConfig(DEFINITION.parse(configs), configs);
  }

  /** The settings this class reads, with types, defaults and documentation. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The registry base URLs, without any credentials. */
  public List<URI> urls() {
    return endpoints.stream().map(Endpoint::base).toList();
  }

  List<Endpoint> endpoints() {
    return endpoints;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public int cacheCapacity() {
    return cacheCapacity;
  }

  Store trustStore() {
    return trustStore;
  }

  Store keyStore() {
    return keyStore;
  }

  Password keyPassword() {
    return keyPassword;
  }

  private static Endpoint endpoint(String url, String configuredUserInfo) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new ConfigException(URL, redact(url), "not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
      throw new ConfigException(URL, redact(url), "expected http://host:port/... or https://host:port/...");
    }
    String userInfo = configuredUserInfo != null ? configuredUserInfo : uri.getRawUserInfo() == null ? null
        : URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    URI base;
    try {
      base = new URI(scheme.toLowerCase(Locale.ROOT) + "://" + hostPort(uri) + path);
    } catch (URISyntaxException e) {
      throw new ConfigException(URL, redact(url), "not a URL: " + e.getReason());
    }
    String authorization = userInfo == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    return new Endpoint(base, authorization);
  }

  private static String hostPort(URI uri) {
    String host = uri.getHost();
    return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
  }

  /** A URL as it may appear in an error message: never with its credentials. */
  private static String redact(String url) {
    return url.replaceFirst("//[^/@]*@", "//***@");
  }

  private static Store store(Map<String, Object> parsed, String locationKey, String passwordKey, String typeKey,
      boolean passwordRequired) {
    String location = (String) parsed.get(locationKey);
    if (location == null || location.isBlank()) {
      return null;
    }
    Path path = Path.of(location);
    if (!Files.isReadable(path)) {
      throw new ConfigException(locationKey, location, "file does not exist or is not readable");
    }
    Password password = (Password) parsed.get(passwordKey);
    if (passwordRequired && password == null) {
      throw new ConfigException(passwordKey + " must be set when " + locationKey + " is set");
    }
    return new Store(locationKey, path, password, (String) parsed.get(typeKey));
  }
}
