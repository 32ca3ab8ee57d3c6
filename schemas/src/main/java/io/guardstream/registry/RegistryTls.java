package io.guardstream.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Builds the TLS context for registry connections from the schema.registry.ssl.* settings. */
final class RegistryTls {
  private RegistryTls() {}

  /** The context to use, or null for the JVM default when no store is configured. */
  static SSLContext context(RegistryClientConfig config) {
    RegistryClientConfig.Store trust = config.trustStore();
    RegistryClientConfig.Store keys = config.keyStore();
    if (trust == null && keys == null) {
      return null;
    }
    try {
      TrustManager[] trustManagers = null;
      if (trust != null) {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(trust));
        trustManagers = tmf.getTrustManagers();
      }
      KeyManager[] keyManagers = null;
      if (keys != null) {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keys), chars(config.keyPassword()));
        keyManagers = kmf.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigException("cannot set up TLS for the schema registry from the schema.registry.ssl.* settings: "
          + e.getMessage());
    }
  }

  private static KeyStore load(RegistryClientConfig.Store store) {
    try (InputStream in = Files.newInputStream(store.location())) {
      KeyStore keyStore = KeyStore.getInstance(store.type());
      keyStore.load(in, chars(store.password()));
      return keyStore;
    } catch (IOException | GeneralSecurityException e) {
      // Wrong password and wrong type both surface here; name the file and the setting.
      throw new ConfigException(store.locationKey(), store.location().toString(),
          "cannot load " + store.type() + " store: " + e.getMessage());
    }
  }

  private static char[] chars(Password password) {
    return password == null ? null : password.value().toCharArray();
  }
}
