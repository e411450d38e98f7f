package netralitas.hub.dryrun;

import netralitas.hub.camel.HubConfiguration;
import netralitas.hub.classify.CategoryCatalogue;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.followup.HolidayCalendarFile;
import netralitas.hub.region.RegionDirectory;
import netralitas.hub.settings.HubSettings;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.model.errorhandler.NoErrorHandlerDefinition;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The beans of a dry run ({@code route --dry-run}): those of routes enrich, classify and route, exactly as the hub binds
 * them, the follow-up deadlines (SPEC §12), and an audit sink that keeps nothing, so that a dry run leaves no trace in the trail, the ledger or a mailbox.
 * In embedded mode the hub's BKN is the simulator, so a dry run that asks BKN starts one of its own.
 */
public final class DryRunConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DryRunConfiguration.class);

    private final boolean askBkn;
    private final Consumer<String> progressLog;

    /** @param progressLog where the progress of a long CSV goes: the command's console, apart from its table */
    public DryRunConfiguration(boolean askBkn, Consumer<String> progressLog) {
        this.askBkn = askBkn;
        this.progressLog = progressLog;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Path home = Path.of(context.getPropertiesComponent().resolveProperty("hub.home").orElse("."));
        HubSettings settings = new HubSettings(context, home);
        Path config = settings.configDir();
        if (askBkn && settings.bool("hub.embedded")) {
            String consumerKey = "hub-dry-run";
            String consumerSecret = UUID.randomUUID().toString();
            BknSimulator simulator = BknSimulator.withRecords(config.resolve("dev/bkn-records.json"), 0,
                    consumerKey, consumerSecret).start();
            context.getPropertiesComponent().addOverrideProperty("hub.bkn.base-url", simulator.baseUrl());
            context.getPropertiesComponent().addOverrideProperty("hub.bkn.token-url", simulator.tokenUrl());
            context.getPropertiesComponent().addOverrideProperty("hub.bkn.consumer-key", consumerKey);
            context.getPropertiesComponent().addOverrideProperty("hub.bkn.consumer-secret", consumerSecret);
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    simulator.close();
                }
            });
            LOG.info("Dry run in embedded mode: BKN is a simulator of its own at {}", simulator.baseUrl());
        }
        RegionDirectory regions = RegionDirectory.inConfig(config);
        CategoryCatalogue categories = CategoryCatalogue.load(config.resolve("categories.yaml"));
        Clock clock = Clock.systemDefaultZone();
        HubConfiguration.bindIntake(settings, context.getRegistry(), regions, categories, clock, progressLog);
        HubConfiguration.bindCaseStages(settings, context.getRegistry(), regions, categories, clock,
                HubConfiguration.localBknPlaces(settings));
        context.getRegistry().bind("followUpDeadlines", HubConfiguration.followUpDeadlines(settings,
                HolidayCalendarFile.load(config.resolve(HolidayCalendarFile.FILE)), clock.getZone()));
        context.getRegistry().bind("audit", new DryRunAudit());
        // A failure (BKN unreachable …) is the dry run's answer for that row, not an error to log with its stack.
        context.getCamelContextExtension().setErrorHandlerFactory(new NoErrorHandlerDefinition());
    }
}
