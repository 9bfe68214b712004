package ai.cinatra.planted.stray.util;

/** Planted violation: a class in no layer of the architecture. */
public class Helper {}
