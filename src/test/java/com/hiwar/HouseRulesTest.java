package com.hiwar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules, checked on the compiled service (ArchUnit) and on its SQL: each table has one
 * owning package, packages form no cycle, the pure packages stay pure, resources stay thin and
 * the rate limiter knows no feature. The README's architecture section draws the same picture.
 */
class HouseRulesTest {

    static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.hiwar");

    /** Each table (and the SQL functions over it) and the package that owns it: only that package writes its SQL. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("articles", "article"),
            Map.entry("article_counts", "article"),
            Map.entry("article_published_count", "article"),
            Map.entry("users", "auth"),
            Map.entry("comments", "comment"),
            Map.entry("moderation_counts", "comment"),
            Map.entry("comment_is_public", "comment"),
            Map.entry("moderation_queue", "comment"),
            Map.entry("comment_likes", "reaction"),
            Map.entry("comment_reports", "report"),
            Map.entry("notifications", "notification"),
            Map.entry("idempotency_keys", "idempotency"),
            Map.entry("word_lists", "moderation/wordlist"),
            Map.entry("word_list_terms", "moderation/wordlist"),
            Map.entry("moderation_decisions", "moderation"),
            Map.entry("moderation_audit", "audit"),
            Map.entry("moderator_notes", "moderation/people"),
            Map.entry("model_versions", "moderation/learning"),
            Map.entry("model_jobs", "moderation/learning"));

    /** Packages that hold features; the rate limiter may use none of them. */
    static final String[] FEATURES = {"com.hiwar.account..", "com.hiwar.article..", "com.hiwar.audit..",
        "com.hiwar.auth..", "com.hiwar.comment..", "com.hiwar.demo..", "com.hiwar.idempotency..", "com.hiwar.live..",
        "com.hiwar.moderation..", "com.hiwar.notification..", "com.hiwar.reaction..", "com.hiwar.report..",
        "com.hiwar.widget.."};

    /** What Panache entities inherit for reading and writing their table: only the owner's package calls them. */
    static final Set<String> PERSISTENCE = Set.of("persist", "persistAndFlush", "delete", "deleteAll", "deleteById",
            "find", "findAll", "findById", "findByIdOptional", "list", "listAll", "stream", "streamAll", "count",
            "update", "flush", "getEntityManager", "isPersistent");

    @Test
    void noPackageCycles() {
        slices().matching("com.hiwar.(**)").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void textAndTheRulesArePureJava() {
        noClasses().that().resideInAnyPackage("com.hiwar.text..", "com.hiwar.moderation.rules..", "com.hiwar.moderation.model..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..",
                        "jakarta.persistence..", "org.hibernate..", "io.quarkus..", "java.sql..", "javax.sql..",
                        "io.vertx..", "io.smallrye..", "jakarta.enterprise..", "jakarta.inject..")
                .because("text handling and moderation rules run anywhere: in the service, the evaluation and benchmarks")
                .check(SERVICE);
    }

    @Test
    void resourcesHoldNoSqlAndTouchNoEntity() {
        noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                        "io.quarkus.hibernate..", "java.sql..")
                .orShould().dependOnClassesThat().areAnnotatedWith("jakarta.persistence.Entity")
                .because("resources map HTTP to calls; services own transactions, owners own queries")
                .check(SERVICE);
    }

    @Test
    void onlyItsOwnerTouchesAnEntity() {
        List<String> violations = new ArrayList<>();
        for (JavaClass entity : SERVICE.that(annotatedWith("jakarta.persistence.Entity"))) {
            String owner = entity.getPackageName();
            noClasses().that().resideOutsideOfPackage(owner)
                    .should().setFieldWhere(targetOwnedBy(entity))
                    .orShould().callMethodWhere(persistenceOf(entity))
                    .because(owner + " owns " + entity.getSimpleName() + ": others call its methods or react to its events")
                    .evaluate(SERVICE).getFailureReport().getDetails().forEach(violations::add);
        }
        assertEquals(List.of(), violations, "entities written or queried outside their owning package");
    }

    @Test
    void theRateLimiterKnowsNoFeature() {
        noClasses().that().resideInAPackage("com.hiwar.ratelimit..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .because("a write names its action; the limiter reads the action's limits from configuration")
                .check(SERVICE);
    }

    /** SQL naming a table (from, join, update, into, table) appears only in the sources of its owner. */
    @Test
    void onlyItsOwnerWritesSqlForATable() throws IOException {
        Path root = Path.of("src/main/java/com/hiwar");
        List<String> strays = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file.getParent()).toString().replace('\\', '/');
                String source = Files.readString(file, StandardCharsets.UTF_8);
                OWNERS.forEach((table, owner) -> {
                    Matcher m = Pattern.compile("(?i)\\b(from|join|update|into|table|exists|select)\\s+" + table + "\\b"
                            + "|\\b" + table + "\\s*\\(").matcher(source);
                    boolean function = table.equals("comment_is_public") || table.equals("moderation_queue");
                    while (m.find()) {
                        if (!pkg.equals(owner) && (function || !m.group().endsWith("("))) {
                            strays.add(root.relativize(file) + " names " + table + " (owner: " + owner + "): " + m.group());
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), strays, "SQL outside the owning package");
    }

    /**
     * Each package says in its package-info what it owns and which packages it may use: the
     * compiled code uses no other, and every table its owner holds is named there.
     */
    @Test
    void everyPackageUsesOnlyWhatItsPackageInfoAllows() throws IOException {
        Path root = Path.of("src/main/java/com/hiwar");
        List<String> wrong = new ArrayList<>();
        Set<String> packages = new java.util.TreeSet<>();
        SERVICE.forEach(c -> packages.add(c.getPackageName().substring("com.hiwar.".length())));
        for (String pkg : packages) {
            Path info = root.resolve(pkg.replace('.', '/')).resolve("package-info.java");
            if (!Files.exists(info)) {
                wrong.add(pkg + ": no package-info.java saying what it owns and may use");
                continue;
            }
            String doc = Files.readString(info, StandardCharsets.UTF_8);
            Matcher uses = Pattern.compile("May use: (.*)\\.$", Pattern.MULTILINE).matcher(doc);
            Matcher owns = Pattern.compile("Owns: ([^\\n]*)").matcher(doc);
            if (!uses.find() || !owns.find()) {
                wrong.add(pkg + ": package-info lacks an \"Owns:\" or \"May use:\" line");
                continue;
            }
            Set<String> allowed = new java.util.HashSet<>(List.of(uses.group(1).split(",\\s*")));
            OWNERS.forEach((table, owner) -> {
                if (owner.replace('/', '.').equals(pkg) && !owns.group(1).contains(table)) {
                    wrong.add(pkg + ": owns " + table + " but its package-info does not say so");
                }
            });
            Set<String> used = new java.util.TreeSet<>();
            SERVICE.stream().filter(c -> c.getPackageName().equals("com.hiwar." + pkg))
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .map(d -> d.getTargetClass().getPackageName())
                    .filter(t -> t.startsWith("com.hiwar.") && !t.equals("com.hiwar." + pkg))
                    .forEach(t -> used.add(t.substring("com.hiwar.".length())));
            used.stream().filter(u -> !allowed.contains(u))
                    .forEach(u -> wrong.add(pkg + " uses " + u + ", which its package-info does not allow"));
        }
        assertEquals(List.of(), wrong);
    }

    private static DescribedPredicate<JavaClass> annotatedWith(String annotation) {
        return DescribedPredicate.describe("annotated with " + annotation, c -> c.isAnnotatedWith(annotation));
    }

    private static DescribedPredicate<JavaAccess<?>> targetOwnedBy(JavaClass entity) {
        return DescribedPredicate.describe("a field of " + entity.getSimpleName(),
                a -> a.getTargetOwner().equals(entity));
    }

    private static DescribedPredicate<JavaAccess<?>> persistenceOf(JavaClass entity) {
        return DescribedPredicate.describe("Panache persistence of " + entity.getSimpleName(),
                a -> a.getTargetOwner().equals(entity) && PERSISTENCE.contains(a.getName()));
    }
}
