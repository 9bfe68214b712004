package ai.cinatra.planted.callingout.application.port.out.remote;

/** A port for calls to the outside. */
public interface Webhooks {
  void send(String payload);
}
