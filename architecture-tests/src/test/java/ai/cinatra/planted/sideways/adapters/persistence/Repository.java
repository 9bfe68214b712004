package ai.cinatra.planted.sideways.adapters.persistence;

/** Planted: the adapter the HTTP adapter wrongly depends on. */
public class Repository {}
