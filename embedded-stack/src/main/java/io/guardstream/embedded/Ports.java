package io.guardstream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port helpers: pick a free loopback port, or fail early with a message naming a taken one. */
public final class Ports {
  private Ports() {}

  /** A port that was free a moment ago (for tests; the tiny race is acceptable there). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    }
  }

  /**
   * Throws {@link PortInUseException} when {@code port} on 127.0.0.1 cannot be bound.
   *
   * @param what the service and setting the port belongs to, for the message
   */
  public static void requireFree(int port, String what) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
    } catch (IOException e) {
      throw new PortInUseException(port, what);
    }
  }

  /** A port the stack needs is taken by another process. */
  public static final class PortInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortInUseException(int port, String what) {
      super("port " + port + " on 127.0.0.1 is already in use (" + what + "); stop the process "
          + "holding it or choose another port");
    }
  }
}
