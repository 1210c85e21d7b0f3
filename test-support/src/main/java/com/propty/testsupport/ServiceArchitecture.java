package com.propty.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The layout every service keeps, as ArchUnit rules over a module's main classes (tests are not imported), so drift
 * fails the build. A module states what it is once and {@link ServiceArchitectureTest} runs every rule on it:
 *
 * <pre>
 * class ArchitectureTest extends ServiceArchitectureTest {
 *     ArchitectureTest() {
 *         super(ServiceArchitecture.of("com.propty.notice").using("com.propty.events", "com.propty.kit")
 *                 .pureRules("notice.NoticeStatusRule", "resident.ResidentRules")
 *                 .timeFromTheClock());
 *     }
 * }
 * </pre>
 */
public final class ServiceArchitecture {

    /** Types a pure rule never touches: a rule is tested without Spring, a store or a broker. */
    /** The store's types: only the module's {@code store} package uses them. */
    private static final String[] MONGO = {"org.springframework.data.mongodb..", "org.bson..", "com.mongodb.."};
    private static final String[] INFRASTRUCTURE = {"org.springframework..", "org.bson..", "com.mongodb..",
            "org.apache.kafka..", "jakarta.servlet..", "reactor.."};
    private static final List<String> VAGUE_SUFFIXES = List.of("Manager", "Helper", "Util", "Utils", "Impl");
    private static final Set<String> CONTROLLER_ANNOTATIONS = Set.of(
            "org.springframework.web.bind.annotation.RestController", "org.springframework.stereotype.Controller");
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String basePackage;
    private final JavaClasses classes;
    private final List<String> modules;
    private final List<String> pureRules;
    /** Null when the module has no Clock bean: then the clock rule does not apply. */
    private final List<String> clockExceptions;
    /** Feature dependencies ({@code "audit -> notice"}) that close a cycle today and are left out of the cycle rule. */
    private final List<String> toleratedEdges;
    /** Controllers that stay outside the module's {@code web} package, by relative name. */
    private final List<String> controllersOutsideWeb;
    /** Whether the module keeps its MongoDB code in a {@code store} package. */
    private final boolean storeRoom;

    private ServiceArchitecture(String basePackage, JavaClasses classes, List<String> modules, List<String> pureRules,
            List<String> clockExceptions, List<String> toleratedEdges, List<String> controllersOutsideWeb,
            boolean storeRoom) {
        this.basePackage = basePackage;
        this.classes = classes;
        this.modules = modules;
        this.pureRules = pureRules;
        this.clockExceptions = clockExceptions;
        this.toleratedEdges = toleratedEdges;
        this.controllersOutsideWeb = controllersOutsideWeb;
        this.storeRoom = storeRoom;
    }

    /** The main classes of the module whose root package is {@code basePackage} (imported once per test JVM). */
    public static ServiceArchitecture of(String basePackage) {
        return new ServiceArchitecture(basePackage, IMPORTED.computeIfAbsent(basePackage, p -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(p)), List.of(), List.of(), null, List.of(), List.of(), false);
    }

    /** The other platform modules it may use, by root package ({@code "com.propty.events"}, {@code "com.propty.kit"}). */
    public ServiceArchitecture using(String... modulePackages) {
        return new ServiceArchitecture(basePackage, classes, List.of(modulePackages), pureRules, clockExceptions,
                toleratedEdges, controllersOutsideWeb, storeRoom);
    }

    /** Its pure rules, relative to the root package ({@code "notice.NoticeStatusRule"}); nested classes included. */
    public ServiceArchitecture pureRules(String... relativeNames) {
        return new ServiceArchitecture(basePackage, classes, modules, List.of(relativeNames), clockExceptions,
                toleratedEdges, controllersOutsideWeb, storeRoom);
    }

    /**
     * It has a Clock bean, so the time comes from it, except in the named classes (relative to the root package),
     * which wait for a rework under way.
     */
    public ServiceArchitecture timeFromTheClock(String... exceptRelativeNames) {
        return new ServiceArchitecture(basePackage, classes, modules, pureRules, List.of(exceptRelativeNames),
                toleratedEdges, controllersOutsideWeb, storeRoom);
    }

    /**
     * Dependencies between features ({@code "audit -> notice"}) that close a cycle today: the cycle rule leaves them
     * out, so no new cycle can form, and fails once one of them is gone, so the list only shrinks.
     */
    public ServiceArchitecture toleratingCycleEdges(String... edges) {
        return new ServiceArchitecture(basePackage, classes, modules, pureRules, clockExceptions, List.of(edges),
                controllersOutsideWeb, storeRoom);
    }

    /**
     * Controllers (relative names, {@code "devtoken.DevTokenController"}) that stay beside their feature instead of in
     * {@code web}; the rule fails once one of them moved or is gone, so the list only shrinks.
     */
    public ServiceArchitecture controllersOutsideWeb(String... relativeNames) {
        return new ServiceArchitecture(basePackage, classes, modules, pureRules, clockExceptions, toleratedEdges,
                List.of(relativeNames), storeRoom);
    }

    /**
     * It keeps its MongoDB code in one room, the {@code store} package, whose classes implement the small store
     * interfaces the features declare.
     */
    public ServiceArchitecture storeRoom() {
        return new ServiceArchitecture(basePackage, classes, modules, pureRules, clockExceptions, toleratedEdges,
                controllersOutsideWeb, true);
    }

    boolean hasPureRules() {
        return !pureRules.isEmpty();
    }

    /** A service, not a library: it has a {@code @SpringBootApplication}. */
    boolean isService() {
        return classes.stream().anyMatch(c -> c.isAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication"));
    }

    boolean hasStoreRoom() {
        return storeRoom;
    }

    boolean hasClock() {
        return clockExceptions != null;
    }

    /** Package by feature: the packages right below the root ({@code notice}, {@code resident}, …) form no cycle. */
    public void assertFeaturePackagesFreeOfCycles() {
        SliceRule rule = slices().matching(basePackage + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles();
        for (String edge : toleratedEdges) {
            String[] features = edge.split("\\s*->\\s*");
            DescribedPredicate<JavaClass> from = resideInAPackage(basePackage + "." + features[0] + "..");
            DescribedPredicate<JavaClass> to = resideInAPackage(basePackage + "." + features[1] + "..");
            boolean present = classes.stream().filter(from).flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .anyMatch(d -> to.test(d.getTargetClass()));
            if (!present) {
                throw new AssertionError("feature " + features[0] + " no longer depends on " + features[1]
                        + ": take \"" + edge + "\" off the tolerated edges");
            }
            rule = rule.ignoreDependency(from, to);
        }
        rule.allowEmptyShould(true).check(classes);
    }

    /** A controller (and the records nested in it) is the HTTP edge of its feature: no other package uses it. */
    public void assertControllersUsedOnlyInTheirPackage() {
        classes().that(CONTROLLERS_AND_NESTED).should(BE_USED_ONLY_IN_THEIR_PACKAGE).allowEmptyShould(true)
                .check(classes);
    }

    /**
     * The HTTP edge is one room: every controller lives in the module's {@code web} package (as in every service:
     * {@code com.propty.notice.web}, {@code com.propty.resend.web}, …), beside the features it calls.
     */
    public void assertControllersLiveInWeb() {
        String web = basePackage + ".web";
        Set<String> excepted = Set.copyOf(controllersOutsideWeb.stream().map(n -> basePackage + "." + n).toList());
        for (String name : excepted) {
            if (!classes.contain(name) || classes.get(name).getPackageName().equals(web)) {
                throw new AssertionError(name + " is no controller outside " + web + " any more: take it off the list");
            }
        }
        classes().that(DescribedPredicate.describe("are controllers",
                        (JavaClass c) -> CONTROLLER_ANNOTATIONS.stream().anyMatch(c::isAnnotatedWith)
                                && !excepted.contains(c.getName())))
                .should().resideInAPackage(web).allowEmptyShould(true)
                .check(classes);
    }

    /** MongoDB types (Spring Data MongoDB, the driver, BSON) are used in the {@code store} package only. */
    public void assertMongoOnlyInTheStore() {
        noClasses().that().resideOutsideOfPackage(basePackage + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage(MONGO)
                .because("MongoDB code lives in the store room, behind the features' store interfaces")
                .check(classes);
    }

    /**
     * The store is reached through the features' interfaces only: no class outside {@code store} uses one of its
     * classes, so {@code web} and {@code messaging} never touch it directly.
     */
    public void assertStoreReachedThroughInterfaces() {
        String store = basePackage + ".store..";
        noClasses().that().resideOutsideOfPackage(store).should().dependOnClassesThat().resideInAPackage(store)
                .allowEmptyShould(true).check(classes);
    }

    /**
     * A use case names the kind of a refusal ({@code ApiProblem.forbidden}, {@code unavailable}, …, or a code of its
     * own) and never an HTTP status: only the {@code web} package (controllers, problem mapping) uses {@code
     * HttpStatus}.
     */
    public void assertHttpStatusesOnlyInWeb() {
        noClasses().that().resideOutsideOfPackage(basePackage + ".web..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.http.HttpStatus")
                .because("the HTTP status of a refusal is decided at the edge")
                .check(classes);
    }

    /**
     * Settings come in {@code @ConfigurationProperties} records (one per feature, named {@code *Properties}), never as
     * {@code @Value} fields or parameters: every setting of a feature is then in one place, typed, with its default.
     */
    public void assertSettingsInPropertiesRecords() {
        noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Value")
                .because("settings are bound to @ConfigurationProperties records")
                .check(classes);
    }

    /**
     * The pure rules touch no Spring, MongoDB, Kafka or servlet type. Fails when one of them does not exist, so a
     * rename cannot empty the rule.
     */
    public void assertPureRules() {
        List<String> names = pureRules.stream().map(n -> basePackage + "." + n).toList();
        for (String name : names) {
            if (!classes.contain(name)) {
                throw new AssertionError("no class " + name + " in " + basePackage + ": rename it here too");
            }
        }
        noClasses().that(DescribedPredicate.describe("are the pure rules " + String.join(", ", pureRules),
                        (JavaClass c) -> names.stream().anyMatch(n -> c.getName().equals(n)
                                || c.getName().startsWith(n + "$"))))
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
                .check(classes);
    }

    /**
     * The time comes from the injected {@code Clock} (a fixed one in a test makes time-dependent behaviour
     * testable): no {@code Instant.now()}, {@code new Date()} or other {@code now()} without a clock.
     */
    public void assertTimeComesFromTheClock() {
        Set<String> excepted = Set.copyOf(clockExceptions.stream().map(n -> basePackage + "." + n).toList());
        noClasses().that(DescribedPredicate.describe("are not excepted " + excepted,
                        (JavaClass c) -> !excepted.contains(c.getName())
                                && excepted.stream().noneMatch(n -> c.getName().startsWith(n + "$"))))
                .should().callMethod(Instant.class, "now")
                .orShould().callConstructor(Date.class)
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .because("the service has a Clock bean")
                .check(classes);
    }

    /** Names in the product's words: no class is a Manager, Helper, Util(s) or Impl. */
    public void assertNoVagueNames() {
        noClasses().should(HAVE_A_VAGUE_NAME).check(classes);
    }

    /**
     * Of the platform's own code ({@code com.propty..}) the module uses only its own packages and the modules it
     * declared: a service never reaches into another one, and {@code events} into nothing.
     */
    public void assertUsesOnlyItsModules() {
        String[] allowed = Stream.concat(Stream.of(basePackage), modules.stream())
                .map(p -> p + "..").toArray(String[]::new);
        noClasses().should().dependOnClassesThat(resideInAPackage("com.propty..").and(not(resideInAnyPackage(allowed))))
                .check(classes);
    }

    private static final DescribedPredicate<JavaClass> CONTROLLERS_AND_NESTED = DescribedPredicate.describe(
            "are controllers or nested in one", c -> controllerOf(c).isPresent());

    private static Optional<JavaClass> controllerOf(JavaClass c) {
        for (Optional<JavaClass> at = Optional.of(c); at.isPresent(); at = at.get().getEnclosingClass()) {
            JavaClass candidate = at.get();
            if (CONTROLLER_ANNOTATIONS.stream().anyMatch(candidate::isAnnotatedWith)) {
                return at;
            }
        }
        return Optional.empty();
    }

    private static final ArchCondition<JavaClass> BE_USED_ONLY_IN_THEIR_PACKAGE =
            new ArchCondition<>("be used only by classes of their own package") {
                @Override
                public void check(JavaClass used, ConditionEvents events) {
                    for (Dependency dependency : used.getDirectDependenciesToSelf()) {
                        if (!dependency.getOriginClass().getPackageName().equals(used.getPackageName())) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            };

    private static final ArchCondition<JavaClass> HAVE_A_VAGUE_NAME =
            new ArchCondition<>("have a name ending in " + String.join(", ", VAGUE_SUFFIXES)) {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    boolean vague = VAGUE_SUFFIXES.stream().anyMatch(c.getSimpleName()::endsWith);
                    events.add(new SimpleConditionEvent(c, vague, c.getName()));
                }
            };
}
