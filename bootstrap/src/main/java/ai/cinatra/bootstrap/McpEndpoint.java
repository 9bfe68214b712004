package ai.cinatra.bootstrap;

import ai.cinatra.adapters.http.mcp.BearerAuthentication;
import ai.cinatra.adapters.http.mcp.McpExtension;
import ai.cinatra.adapters.http.mcp.McpLimits;
import ai.cinatra.adapters.http.mcp.McpProtocol;
import ai.cinatra.adapters.http.mcp.McpServlet;
import ai.cinatra.adapters.http.mcp.StreamHub;
import ai.cinatra.adapters.http.mcp.tool.McpToolCatalog;
import ai.cinatra.adapters.http.mcp.tool.WhoamiTool;
import ai.cinatra.adapters.http.mcp.tool.admin.AdminTools;
import ai.cinatra.adapters.http.mcp.tool.admin.ClientTools;
import ai.cinatra.adapters.http.mcp.tool.agent.AgentTools;
import ai.cinatra.adapters.http.mcp.tool.connector.ConnectorTools;
import ai.cinatra.adapters.http.mcp.tool.run.RunTasks;
import ai.cinatra.adapters.http.mcp.tool.run.RunTools;
import ai.cinatra.adapters.http.mcp.tool.workspace.ListTools;
import ai.cinatra.adapters.http.mcp.tool.workspace.ObjectTools;
import ai.cinatra.adapters.http.run.BearerOrSessionFilter;
import ai.cinatra.adapters.http.run.RunStreamResource;
import ai.cinatra.adapters.http.web.WebPages;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds /api/mcp: the tool catalog, the stream hub and its threads, and the servlet. */
final class McpEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(McpEndpoint.class);

  private McpEndpoint() {}

  static void register(
      Environment environment, Wiring wiring, CinatraConfiguration configuration, String version) {
    McpSettings settings = configuration.getMcp();
    McpLimits limits = settings.toLimits();
    McpToolCatalog tools = new McpToolCatalog(settings.toolsPageSize).register(new WhoamiTool());
    AgentTools.all(wiring.agents()).forEach(tools::register);
    ConnectorTools.all(wiring.connectors()).forEach(tools::register);
    RunTools.all(wiring.runs(), wiring.agents(), () -> wiring.serverAddress().current().issuer())
        .forEach(tools::register);
    // Read on every listing: what is installed while the server runs is a tool at once.
    tools.registerSource(
        () ->
            RunTools.perAgent(
                wiring.runs(),
                wiring.agents().installed(),
                () -> wiring.serverAddress().current().issuer()));
    tools.registerSource(
        () -> ConnectorTools.operations(wiring.connectors(), wiring.connectors().configured()));
    ObjectTools.all(wiring.objects()).forEach(tools::register);
    ListTools.all(wiring.lists()).forEach(tools::register);
    AdminTools.all(wiring.accountAdmin(), wiring.accountAdmin()).forEach(tools::register);
    ClientTools.all(wiring.clientAdmin()).forEach(tools::register);
    List<McpExtension> extensions = settings.testFixtures ? fixturePack() : List.of();
    extensions.forEach(e -> e.tools().forEach(tools::register));
    ExecutorService toolCalls =
        environment
            .lifecycle()
            .executorService("mcp-tool-%d")
            .minThreads(settings.maxConcurrentToolCalls)
            .maxThreads(settings.maxConcurrentToolCalls)
            .allowCoreThreadTimeOut(true)
            .keepAliveTime(Duration.minutes(1))
            .workQueue(new ArrayBlockingQueue<>(settings.maxConcurrentToolCalls))
            .build();
    ScheduledExecutorService pumps =
        environment.lifecycle().scheduledExecutorService("mcp-stream-%d").threads(2).build();
    StreamHub hub =
        new StreamHub(wiring.mcpStreams(), limits, toolCalls, pumps, environment.getObjectMapper());
    RunStreamResource runStreams =
        new RunStreamResource(wiring.runs(), pumps, java.time.Duration.ofMillis(500));
    environment.jersey().register(runStreams);
    // Open streams would hold shutdown for the whole grace period: let them go as Jetty stops.
    environment
        .lifecycle()
        .addEventListener(
            new LifeCycle.Listener() {
              @Override
              public void lifeCycleStopping(LifeCycle event) {
                hub.closeAll();
                runStreams.closeAll();
              }
            });
    pumps.scheduleWithFixedDelay(
        () -> {
          try {
            wiring.mcpStreams().deleteExpired();
          } catch (RuntimeException e) {
            LOG.warn("deleting expired MCP stream messages failed; it runs again in an hour", e);
          }
        },
        1,
        60,
        TimeUnit.MINUTES);
    BearerAuthentication bearer = new BearerAuthentication(wiring.bearer(), wiring.serverAddress());
    environment.jersey().register(new BearerOrSessionFilter(bearer, new WebPages(wiring.signIn())));
    McpProtocol protocol =
        new McpProtocol(
            environment.getObjectMapper(),
            version,
            wiring.mcpSessions(),
            wiring.mcpStreams(),
            tools,
            extensions,
            limits,
            hub,
            wiring.requestStates(),
            new RunTasks(wiring.runs(), () -> wiring.serverAddress().current().issuer()));
    // A servlet of its own, beside Jersey's /*: the exact path wins over Jersey's mapping.
    var servlet =
        environment
            .servlets()
            .addServlet(
                "mcp",
                new McpServlet(
                    protocol,
                    bearer,
                    wiring.serverAddress(),
                    settings.maxRequestSize.toBytes(),
                    DatabaseOutageMapper::isOutage));
    servlet.addMapping("/api/mcp");
    servlet.setAsyncSupported(true); // SSE answers are written from the tool and pump threads
  }

  /**
   * The MCP extensions on the class path: the conformance suite's fixtures, which live in the tests
   * (and the fixture pack built from them), never in the shipped jar.
   */
  private static List<McpExtension> fixturePack() {
    List<McpExtension> found =
        ServiceLoader.load(McpExtension.class).stream().map(ServiceLoader.Provider::get).toList();
    if (found.isEmpty()) {
      LOG.warn(
          "mcp.testFixtures is on, but no fixture pack is on the class path; nothing is added");
    } else {
      LOG.warn(
          "mcp.testFixtures is on: serving {} from the class path. Tests only!",
          found.stream().map(e -> e.getClass().getName()).toList());
    }
    return found;
  }
}
