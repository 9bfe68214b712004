package ai.cinatra.planted.outward.adapters.http;

/** Planted: the adapter the domain wrongly depends on. */
public class Resource {}
