package ai.cinatra.planted.stray.domain;

/** Planted: a proper domain class beside the stray one. */
public class Model {}
