package ai.cinatra.domain.run;

/** Run event types, named as AG-UI names them. */
public enum EventType {
  RUN_STARTED,
  STEP_STARTED,
  STEP_FINISHED,
  TEXT_MESSAGE_START,
  TEXT_MESSAGE_CONTENT,
  TEXT_MESSAGE_END,
  TOOL_CALL_START,
  TOOL_CALL_ARGS,
  TOOL_CALL_END,
  TOOL_CALL_RESULT,
  STATE_SNAPSHOT,
  /** The run pauses for a person. */
  INTERRUPT,
  RESUME,
  RUN_FINISHED,
  RUN_ERROR
}
