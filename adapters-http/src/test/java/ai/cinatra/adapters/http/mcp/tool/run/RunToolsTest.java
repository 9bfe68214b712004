package ai.cinatra.adapters.http.mcp.tool.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.http.mcp.tool.ClientRequestFailedException;
import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.McpToolCatalog;
import ai.cinatra.adapters.http.mcp.tool.McpToolContext;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.agent.AgentsUseCase;
import ai.cinatra.application.port.in.run.RunsUseCase;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.PendingApproval;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The run tools over a fake use case and a fake client: what reaches the use case, what the model
 * reads back, and an approval answered by the person through elicitation.
 */
class RunToolsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Actor MEMBER =
      new Actor(
          AccountId.random(),
          new Email("m@example.org"),
          Role.MEMBER,
          new ClientId("mcp_c"),
          GrantId.random(),
          Set.of());

  private final AgentRun paused =
      AgentRun.queue(
              RunId.random(),
              new AgentId("payout"),
              MEMBER.account(),
              Map.of(),
              Optional.empty(),
              T0)
          .start(T0)
          .pause(
              new PendingApproval(
                  "approve",
                  Map.of(
                      "type", "object",
                      "properties",
                          Map.of(
                              "decision",
                                  Map.of("type", "string", "enum", List.of("approve", "reject")),
                              "amount", Map.of("type", "number", "minimum", 0),
                              "note", Map.of("type", "string", "maxLength", 500),
                              "lines", Map.of("type", "array")),
                      "required", List.of("decision", "amount")),
                  Map.of("decision", "approve", "amount", 12, "lines", List.of("a"))));

  /** What agent_run_resume handed the use case. */
  private final List<String> resumed = new ArrayList<>();

  private final RunsUseCase runs =
      new RunsUseCase() {
        @Override
        public AgentRun start(
            Actor actor, AgentId agent, Map<String, Object> inputs, Optional<String> key) {
          return AgentRun.queue(RunId.random(), agent, actor.account(), inputs, key, T0);
        }

        @Override
        public RunView get(Actor actor, RunId run, long afterEventId) {
          if (!run.equals(paused.id())) {
            throw new NotFoundException("no run with id " + run);
          }
          return new RunView(paused, List.of(), afterEventId, 5000);
        }

        @Override
        public RunView resume(
            Actor actor, RunId run, Optional<Map<String, Object>> response, Optional<String> note) {
          get(actor, run, 0);
          resumed.add(response.map(Object::toString).orElse("-") + " " + note.orElse("-"));
          return new RunView(paused.resume(response.orElse(Map.of())), List.of(), 0, 3000);
        }

        @Override
        public RunView stop(Actor actor, RunId run) {
          throw new UnsupportedOperationException();
        }

        @Override
        public RunPage list(
            Actor actor,
            Optional<RunStatus> status,
            Optional<AgentId> agent,
            Optional<String> cursor) {
          return new RunPage(List.of(), Optional.empty());
        }
      };

  private final AgentsUseCase agents =
      new AgentsUseCase() {
        @Override
        public boolean install(AgentDefinition agent) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean install(Actor actor, AgentDefinition agent) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AgentPage list(Actor actor, Optional<String> cursor) {
          return new AgentPage(List.of(), Optional.empty());
        }

        @Override
        public List<AgentDefinition> installed() {
          return List.of();
        }

        @Override
        public AgentDefinition source(Actor actor, AgentId id) {
          throw new NotFoundException("no agent with id " + id);
        }
      };

  private final McpToolCatalog catalog = new McpToolCatalog(50);

  {
    RunTools.all(runs, agents, () -> "https://cinatra.example").forEach(catalog::register);
  }

  /** A client that may or may not elicit, answering with the given result and noting the asks. */
  private static final class FakeClient implements McpToolContext {
    final boolean elicits;
    final String answer;
    final List<ObjectNode> asked = new ArrayList<>();

    FakeClient(boolean elicits, String answer) {
      this.elicits = elicits;
      this.answer = answer;
    }

    @Override
    public void progress(double progress, Double total, String message) {}

    @Override
    public void log(LogLevel level, String logger, JsonNode data) {}

    @Override
    public boolean clientCan(String capability) {
      return elicits && capability.equals("elicitation");
    }

    @Override
    public JsonNode ask(String method, ObjectNode params) {
      asked.add(params);
      if (answer == null) {
        throw new ClientRequestFailedException("the client did not answer in time");
      }
      try {
        return JSON.readTree(answer);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void detach() {}
  }

  private ObjectNode resume(String arguments, McpToolContext client) throws Exception {
    return catalog.call("agent_run_resume", MEMBER, JSON.readTree(arguments), client);
  }

  private String runIdArg() {
    return "{\"runId\":\"" + paused.id() + "\"}";
  }

  @Test
  void theResumeTool_mayAskThePerson_andTheOthersDoNot() {
    List<String> asking =
        RunTools.all(runs, agents, () -> "").stream()
            .filter(McpTool::interactive)
            .map(McpTool::name)
            .toList();
    assertThat(asking).containsExactly("agent_run_resume");
    McpTool resume =
        RunTools.all(runs, agents, () -> "").stream()
            .filter(t -> t.name().equals("agent_run_resume"))
            .findFirst()
            .orElseThrow();
    assertThat(resume.talksOn(json(runIdArg()), "elicitation"::equals))
        .as("left to the person, by a client that can ask: on a stream")
        .isTrue();
    assertThat(resume.talksOn(json(runIdArg()), c -> false))
        .as("a client that cannot ask: plain JSON")
        .isFalse();
    assertThat(
            resume.talksOn(
                json("{\"runId\":\"" + paused.id() + "\",\"approvalNote\":\"ok\"}"),
                "elicitation"::equals))
        .as("answered by the caller: plain JSON")
        .isFalse();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void aClientThatElicits_showsThePersonAFormOfTheScreen_andTheirAnswerResumesTheRun()
      throws Exception {
    FakeClient client =
        new FakeClient(
            true,
            "{\"action\":\"accept\",\"content\":{\"decision\":\"approve\",\"amount\":7,"
                + "\"note\":\"asked in the client\"}}");
    ObjectNode result = resume(runIdArg(), client);

    assertThat(result.get("isError").asBoolean()).as(result.toString()).isFalse();
    assertThat(resumed).containsExactly("{decision=approve, amount=7, note=asked in the client} -");
    ObjectNode asked = client.asked.get(0);
    assertThat(asked.get("message").asText())
        .contains("Agent payout waits for your approval at step 'approve'", "amount = 12");
    JsonNode form = asked.get("requestedSchema");
    assertThat(form.path("properties").fieldNames())
        .toIterable()
        .as("an array cannot be shown in a form; it keeps its proposed value")
        .containsExactlyInAnyOrder("decision", "amount", "note");
    assertThat(form.at("/properties/amount/default").asInt()).isEqualTo(12);
    assertThat(form.at("/properties/amount/minimum").asInt()).isZero();
    assertThat(form.at("/properties/decision/enum").toString())
        .isEqualTo("[\"approve\",\"reject\"]");
    assertThat(form.get("required").toString()).isEqualTo("[\"decision\",\"amount\"]");
  }

  @Test
  void declining_rejects_andDismissing_decidesNothing() throws Exception {
    resume(runIdArg(), new FakeClient(true, "{\"action\":\"decline\"}"));
    assertThat(resumed).containsExactly("{decision=reject} -");

    ObjectNode dismissed = resume(runIdArg(), new FakeClient(true, "{\"action\":\"cancel\"}"));
    assertThat(dismissed.get("isError").asBoolean()).isTrue();
    assertThat(dismissed.at("/content/0/text").asText())
        .contains("closed the question without answering", "still waits for approval");
    ObjectNode unanswered = resume(runIdArg(), new FakeClient(true, null));
    assertThat(unanswered.get("isError").asBoolean()).isTrue();
    assertThat(resumed).as("nothing more reached the run").hasSize(1);
  }

  @Test
  void anAnswerTheModelGives_orAClientThatCannotAsk_resumesAsBefore() throws Exception {
    FakeClient elicits = new FakeClient(true, "{\"action\":\"accept\"}");
    resume(
        "{\"runId\":\"" + paused.id() + "\",\"userResponse\":{\"decision\":\"reject\"}}", elicits);
    resume("{\"runId\":\"" + paused.id() + "\",\"approvalNote\":\"ok\"}", elicits);
    resume(runIdArg(), new FakeClient(false, null));
    assertThat(elicits.asked).as("the caller answered, so no one is asked").isEmpty();
    assertThat(resumed).containsExactly("{decision=reject} -", "- ok", "- -");
  }

  @Test
  void someoneElsesRun_isNotFound_beforeAnyoneIsAsked() throws Exception {
    FakeClient client = new FakeClient(true, "{\"action\":\"accept\"}");
    ObjectNode result = resume("{\"runId\":\"" + RunId.random() + "\"}", client);
    assertThat(result.get("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asText()).startsWith("no run with id ");
    assertThat(client.asked).isEmpty();
  }

  @Test
  void agentRunGet_readsTheRunForTheModel_withWhereToLookAndWhenToPollAgain() throws Exception {
    ObjectNode result =
        catalog.call(
            "agent_run_get", MEMBER, JSON.readTree(runIdArg()), new FakeClient(false, null));
    assertThat(result.get("isError").asBoolean()).isFalse();
    JsonNode run = result.get("structuredContent");
    assertThat(run.get("status").asText()).isEqualTo("pending_approval");
    assertThat(run.get("pollAfterMs").asInt()).isEqualTo(5000);
    assertThat(run.at("/pendingApproval/proposed/amount").asInt()).isEqualTo(12);
    assertThat(run.get("runUrl").asText())
        .isEqualTo("https://cinatra.example/agents/status/" + paused.id());
  }
}
