package netralitas.hub.layout;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout of docs/architecture.md, top to bottom: the entry point ({@code app}), the dry run, the Camel glue,
 * the infrastructure the glue drives (state store, SMTP transport, checks, embedded servers), the domain, and the
 * foundation every layer may use. Arrows run downwards only, and the domain never sees a Camel type: it is the part a
 * newcomer reads and tests without a CamelContext.
 */
class PackageLayoutTest {

    private static final String[] DOMAIN = {"netralitas.hub.audit..", "netralitas.hub.bkn..", "netralitas.hub.cases..",
            "netralitas.hub.followup..", "netralitas.hub.classify..", "netralitas.hub.inbox..", "netralitas.hub.mail..", "netralitas.hub.nip..",
            "netralitas.hub.region..", "netralitas.hub.report.."};

    private static final JavaClasses HUB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("netralitas.hub");

    static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("entry point").definedBy("netralitas.hub.app..")
                .layer("dry run").definedBy("netralitas.hub.dryrun..")
                .layer("Camel glue").definedBy("netralitas.hub.camel..")
                .layer("infrastructure").definedBy("netralitas.hub.state..", "netralitas.hub.outbox..",
                        "netralitas.hub.check..", "netralitas.hub.embedded..")
                .layer("domain").definedBy(DOMAIN)
                .layer("foundation").definedBy("netralitas.hub.settings..", "netralitas.hub.text..",
                        "netralitas.hub.progress..", "netralitas.hub.cli..")
                .whereLayer("entry point").mayNotBeAccessedByAnyLayer()
                .whereLayer("dry run").mayOnlyBeAccessedByLayers("entry point")
                .whereLayer("Camel glue").mayOnlyBeAccessedByLayers("entry point", "dry run")
                .whereLayer("infrastructure").mayOnlyBeAccessedByLayers("entry point", "dry run", "Camel glue",
                        "infrastructure")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("entry point", "dry run", "Camel glue",
                        "infrastructure", "domain");
    }

    @Test
    void everyPackageBelongsToALayer() {
        noClasses().should().resideOutsideOfPackages("netralitas.hub.app..", "netralitas.hub.dryrun..",
                        "netralitas.hub.camel..", "netralitas.hub.state..", "netralitas.hub.outbox..",
                        "netralitas.hub.check..", "netralitas.hub.embedded..", "netralitas.hub.audit..",
                        "netralitas.hub.bkn..", "netralitas.hub.cases..", "netralitas.hub.followup..",
                        "netralitas.hub.classify..", "netralitas.hub.inbox..", "netralitas.hub.mail..", "netralitas.hub.nip..",
                        "netralitas.hub.region..", "netralitas.hub.report..", "netralitas.hub.settings..",
                        "netralitas.hub.text..", "netralitas.hub.progress..", "netralitas.hub.cli..")
                .because("a new package needs a place in the layers of docs/architecture.md")
                .check(HUB);
    }

    @Test
    void arrowsRunDownwards() {
        layers().check(HUB);
    }

    @Test
    void noPackageCycles() {
        slices().matching("netralitas.hub.(*)..").should().beFreeOfCycles().check(HUB);
    }

    @Test
    void theDomainHasNoCamelInIt() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .because("domain classes are plain Java, tested without a CamelContext; the glue lives in camel")
                .check(HUB);
    }
}
