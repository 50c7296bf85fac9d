package com.zhidian.apitests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape every module of {@code functions/} keeps (issue 16), checked on the compiled main code of all of them:
 * this module has every function module on its test classpath, and {@link #everyFunctionsModule_isCheckedHere} fails
 * when a module of {@code functions/pom.xml} is not. A new context that breaks a rule fails the build here.
 *
 * <p>The per-context layout: {@code com.zhidian.<ctx>.domain} (records, value types, pure rules, repository
 * interfaces, DomainExceptions), {@code .application} (use cases, the one composition class), {@code .store}
 * (DynamoDB adapters, Keys), {@code .api} (handler, route classes of at most {@value #MAX_ROUTES_LINES} lines, views,
 * the ProblemTable).
 */
class ArchitectureTest {
    static final int MAX_ROUTES_LINES = 150;
    static final int MAX_MAIN_FILE_LINES = 600;

    private static Path root;
    private static List<Path> modules;
    private static Set<String> packages;
    private static JavaClasses main;

    @BeforeAll
    static void importFunctionsMainCode() throws IOException {
        root = repositoryRoot();
        modules = functionModules(root);
        packages = new TreeSet<>();
        for (Path m : modules) packages.addAll(topPackages(m.resolve("src/main/java")));
        main = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(location -> !location.matches(Pattern.compile(".*-tests\\.jar.*")))
                .importPackages(packages);
    }

    @Test
    void everyFunctionsModule_isCheckedHere() {
        assertFalse(modules.isEmpty());
        for (String p : packages) {
            assertTrue(main.stream().anyMatch(c -> c.getPackageName().startsWith(p)),
                    () -> p + " is not on this module's classpath: add its module to functions/api-tests/pom.xml");
        }
    }

    static final ArchRule NO_ZHIDIAN_LOCAL = noClasses().should().dependOnClassesThat().resideInAPackage("com.zhidian.local..")
            .because("functions run in AWS; Zhidian Local (infrastructure/) only runs them");

    static final ArchRule PURE_DOMAIN = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "com.zhidian.core.http..",
                    "com.amazonaws..")
            .because("the domain is pure: records, rules, repository interfaces and refusals with no HTTP status");

    static final ArchRule DOMAIN_IS_INNERMOST = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..store..", "..api..");
    static final ArchRule APPLICATION_BELOW_API = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("..api..");
    static final ArchRule STORE_BELOW_APPLICATION = noClasses().that().resideInAPackage("..store..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..api..");

    /** Slices: the second package level below com.zhidian (core.http, members.domain, ...). */
    static ArchRule noCycles(String slicePattern) {
        return slices().matching(slicePattern).should().beFreeOfCycles();
    }

    @Test
    void mainCode_neverUsesZhidianLocal() {
        NO_ZHIDIAN_LOCAL.check(main);
    }

    @Test
    void domain_knowsNeitherTheSdkNorHttp() {
        PURE_DOMAIN.check(main);
    }

    @Test
    void layers_pointInward() {
        DOMAIN_IS_INNERMOST.check(main);
        APPLICATION_BELOW_API.check(main);
        STORE_BELOW_APPLICATION.check(main);
    }

    @Test
    void packages_haveNoCycles() {
        noCycles("com.zhidian.(*).(*)..").check(main);
    }

    /** A rule that cannot fail checks nothing: each finds the breaks planted in {@code fixture}. */
    @Test
    void everyRule_findsAPlantedBreak() {
        JavaClasses bad = new ClassFileImporter().importPackages("com.zhidian.apitests.architecture.fixture");
        for (ArchRule rule : List.of(NO_ZHIDIAN_LOCAL, PURE_DOMAIN, DOMAIN_IS_INNERMOST,
                noCycles("com.zhidian.apitests.architecture.fixture.(*).(*).."))) {
            assertTrue(rule.evaluate(bad).hasViolation(), () -> "no violation found by " + rule.getDescription());
        }
        assertTrue(main.size() > 100, "the functions' main code was imported: " + main.size() + " classes");
    }

    @Test
    void routeClasses_liveInApi() {
        classes().that().haveSimpleNameEndingWith("Routes").and().resideOutsideOfPackage("com.zhidian.core..")
                .should().resideInAPackage("..api..").check(main);
    }

    @Test
    void routeClasses_stayThin_andNoMainFileIsLong() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path m : modules) {
            try (Stream<Path> files = Files.walk(m.resolve("src/main/java"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    long lines;
                    try (Stream<String> l = Files.lines(f)) {
                        lines = l.count();
                    }
                    boolean routes = f.getFileName().toString().endsWith("Routes.java") && f.getParent().endsWith("api");
                    if (lines > MAX_MAIN_FILE_LINES || (routes && lines > MAX_ROUTES_LINES)) {
                        tooLong.add(root.relativize(f) + " (" + lines + " lines)");
                    }
                }
            }
        }
        assertEquals(List.of(), tooLong, "route classes at most " + MAX_ROUTES_LINES + " lines, other main files "
                + MAX_MAIN_FILE_LINES + ": split them");
    }

    /** The surefire working directory is the repository root; a run from elsewhere finds it upwards. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("functions/pom.xml")) && Files.exists(p.resolve("template.yaml"))) return p;
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    /** The modules of functions/pom.xml with main code, except this one. */
    static List<Path> functionModules(Path root) throws IOException {
        String pom = Files.readString(root.resolve("functions/pom.xml"));
        List<Path> out = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        while (m.find()) {
            Path dir = root.resolve("functions").resolve(m.group(1).trim());
            if (!dir.endsWith("api-tests") && Files.isDirectory(dir.resolve("src/main/java"))) out.add(dir);
        }
        return out;
    }

    /** The packages right below {@code com.zhidian} (com.zhidian.members, ...) that a module's sources declare. */
    private static Set<String> topPackages(Path sources) throws IOException {
        Set<String> out = new TreeSet<>();
        Path base = sources.resolve("com/zhidian");
        if (!Files.isDirectory(base)) return out;
        try (Stream<Path> dirs = Files.list(base)) {
            dirs.filter(Files::isDirectory).forEach(d -> out.add("com.zhidian." + d.getFileName()));
        }
        return out;
    }
}
