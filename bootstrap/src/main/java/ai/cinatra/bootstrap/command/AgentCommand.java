package ai.cinatra.bootstrap.command;

import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.ConnectorStep;
import ai.cinatra.domain.agent.Step;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code agent install FILE...}: installs agent definitions (JSON) as the operator at the machine;
 * an agent id installed again is replaced. Every file is read and checked before any is installed.
 */
public final class AgentCommand<T extends Configuration> extends OneLineCommand<T> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where installed agents go; closed when the command ends. */
  public interface Agents extends AutoCloseable {
    /** True when the agent is new, false when it replaced one. */
    boolean install(AgentDefinition agent);

    /** The names of the connectors configured now. */
    Set<String> configuredConnectors();

    @Override
    void close();
  }

  private final Function<T, Agents> opener;

  public AgentCommand(Class<T> configurationClass, Function<T, Agents> opener) {
    super("agent", "Install agents", configurationClass);
    this.opener = opener;
  }

  @Override
  public void configure(Subparser subparser) {
    Subparser install =
        subparser
            .addSubparsers()
            .title("actions")
            .dest("agent-action")
            .addParser("install")
            .help("install agent definitions from JSON files (see examples/agents/)");
    install
        .addArgument("files")
        .nargs("+")
        .type(Arguments.fileType().verifyCanRead())
        .help("JSON files");
    install
        .addArgument("--config")
        .dest("file")
        .help("a configuration file (default: the embedded one)");
  }

  @Override
  protected void run(Bootstrap<T> bootstrap, Namespace namespace, T configuration)
      throws IOException {
    List<AgentDefinition> agents = new ArrayList<>();
    for (Object file : namespace.getList("files")) {
      Path path = ((File) file).toPath();
      Map<String, Object> document;
      try {
        document = JSON.readValue(Files.readString(path), new TypeReference<>() {});
      } catch (IOException e) {
        throw new IllegalArgumentException(path + " is not a JSON object: " + e.getMessage(), e);
      }
      try {
        agents.add(AgentDefinition.parse(document));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
      }
    }
    try (Agents store = opener.apply(configuration)) {
      Set<String> configured = store.configuredConnectors();
      for (AgentDefinition agent : agents) {
        boolean added = store.install(agent);
        System.out.printf(
            "%s agent %s (%s)%n", added ? "installed" : "replaced", agent.id(), agent.name());
        warnOfMissingConnectors(agent, configured);
      }
    }
  }

  /**
   * An agent whose connector is missing installs fine and fails only when a run reaches that step
   * (after a person approved it, in the approval example): say so now, with the way out.
   */
  private static void warnOfMissingConnectors(AgentDefinition agent, Set<String> configured) {
    Set<String> missing = new TreeSet<>();
    for (Step step : agent.steps()) {
      if (step instanceof ConnectorStep call && !configured.contains(call.connector())) {
        missing.add(call.connector());
      }
    }
    for (String connector : missing) {
      System.err.printf(
          "warning: agent %s calls connector '%s', which is not configured: its runs will fail at"
              + " that step. Configure it: java -jar cinatra.jar connector webhook --url URL --name"
              + " %s, or connector install FILE for an http_api one (README, Examples).%n",
          agent.id(), connector, connector);
    }
  }
}
