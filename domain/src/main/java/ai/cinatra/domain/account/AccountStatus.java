package ai.cinatra.domain.account;

/** Whether an account may act at all; a disabled account's tokens stop working at once. */
public enum AccountStatus {
  ACTIVE,
  DISABLED
}
