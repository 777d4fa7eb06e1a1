package org.mentorbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DragonFly's shipped catalogs (config/catalogs), one format each. */
class SeedCatalogsTest {

    private static final Path CATALOGS = Path.of("config/catalogs");
    private static CatalogReader reader;

    @BeforeAll
    static void loadDirectory() throws CatalogException {
        reader = new CatalogReader(MentorDirectory.load(Path.of("config/mentors.txt")));
    }

    private static Idea idea(Catalog catalog, String title) {
        return catalog.ideas().stream().filter(i -> i.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no idea titled " + title + " in " + titles(catalog)));
    }

    private static List<String> titles(Catalog catalog) {
        return catalog.ideas().stream().map(Idea::title).toList();
    }

    @Test
    void gsocArchivePageListsTheFiveAcceptedProjectsAsTaken() throws CatalogException {
        List<Catalog> catalogs = reader.read(CATALOGS.resolve("000_132b499d129c1f21.txt"));

        assertThat(catalogs).hasSize(1);
        Catalog archive = catalogs.get(0);
        assertThat(archive.format()).isEqualTo("gsoc-archive");
        assertThat(archive.season()).isEqualTo(2011);
        assertThat(titles(archive)).containsExactly(
                "Bring kernel event notification in DragonFly BSD to its logical conclusion",
                "Implementing a mirror target for device mapper",
                "Improve dsched interfaces and implement BFQ disk scheduling policy",
                "Port PUFFS from NetBSD/FreeBSD",
                "Porting Virtio Drivers from NetBSD to DragonFly BSD to speed up DragonFly BSD as a KVM guest");
        assertThat(archive.ideas()).allSatisfy(i -> assertThat(i.status()).isEqualTo(Idea.Status.TAKEN));
        Idea puffs = idea(archive, "Port PUFFS from NetBSD/FreeBSD");
        assertThat(puffs.description()).startsWith("There is no user level file systems support");
        // No contacts on the page: the directory's DragonFly fallback.
        assertThat(puffs.contacts()).containsExactly(Contact.list("kernel@lists.dragonflybsd.org"));
    }

    @Test
    void renderedPlainTextPageHasTitlesButNotTheIntro() throws CatalogException {
        Catalog page = reader.read(CATALOGS.resolve("001_90d202b2f25cdba5.txt")).get(0);

        assertThat(page.format()).isEqualTo("plain-text");
        assertThat(page.ideas()).hasSize(35);
        assertThat(titles(page)).startsWith("Port pf firewall changes from FreeBSD")
                .endsWith("Improve Kernel boot speed")
                .contains("nmalloc (libc malloc) measurements and performance work", "Support KVM")
                .doesNotContain("Legend:", "Project ideas", "DragonFly BSD", "(please add)");
        Idea gem = idea(page, "Implement GEM for the DragonFly kernel");
        assertThat(gem.description()).contains("Graphics Execution Manager").doesNotContain("Meta information");
        // "SoC pages from 2008 ... 2012 ... prior year's projects": the page is for the year after.
        assertThat(page.season()).isEqualTo(2013);
    }

    @Test
    void researchPageHasIdeasButNotSectionsOrHeader() throws CatalogException {
        Catalog page = reader.read(CATALOGS.resolve("002_b617717bedd3fe6b.txt")).get(0);

        assertThat(page.format()).isEqualTo("research-page");
        assertThat(titles(page)).containsExactly(
                "Code generation hooks in the build system",
                "On-disk / Over-the-wire structure codegen + CAPS",
                "Asynchronous system call framework",
                "Kernel VIRTUAL MACHINE",
                "Allocator meta-madness",
                "Opt-in userland thread scheduler",
                "Make the use of XIO pervasive",
                "Evaluate/Improve Context Switching Performance");
        assertThat(idea(page, "Asynchronous system call framework").description())
                .contains("message passing interface").contains("well-considered proposal");
        assertThat(page.season()).isNull();
    }

    @Test
    void diffYieldsNewSideFirstThenOldSideWithDistinctIds() throws CatalogException {
        List<Catalog> sides = reader.read(CATALOGS.resolve("003_88f8e6d8780f8997.txt"));

        assertThat(sides).hasSize(2);
        Catalog newSide = sides.get(0);
        Catalog oldSide = sides.get(1);
        assertThat(newSide.format()).isEqualTo("ikiwiki-diff");
        assertThat(newSide.name()).isEqualTo("003_88f8e6d8780f8997.txt");
        assertThat(oldSide.name()).isEqualTo(newSide.name());
        assertThat(newSide.ideas()).hasSize(30);
        assertThat(oldSide.ideas()).hasSize(18);
        assertThat(titles(newSide)).contains("Port pf firewall changes from FreeBSD", "Improve Kernel boot speed")
                .doesNotContain("Implement virtio drivers on DragonFly to speed up DragonFly as a KVM guest",
                        "Project ideas");
        assertThat(titles(oldSide)).contains("VFS Quota System", "Port usb4bsd")
                .doesNotContain("Port pf firewall changes from FreeBSD");
        assertThat(idea(newSide, "Port valgrind to DragonFlyBSD").id())
                .isNotEqualTo(idea(oldSide, "Port valgrind to DragonFlyBSD").id());
        assertThat(oldSide.ideas()).allSatisfy(i -> assertThat(i.id()).startsWith("003-88f8e6d8780f8997-old/"));
        assertThat(newSide.season()).isEqualTo(2013);
        assertThat(oldSide.season()).isEqualTo(2011);
    }

    @Test
    void virtioIdeaOnOldSideHasItsMentorAndTheList() throws CatalogException {
        Catalog oldSide = reader.read(CATALOGS.resolve("003_88f8e6d8780f8997.txt")).get(1);

        Idea virtio = idea(oldSide, "Implement virtio drivers on DragonFly to speed up DragonFly as a KVM guest");

        assertThat(virtio.contacts()).containsExactly(
                Contact.mentor("Aggelos Economopoulos", "aoiko@cc.ece.ntua.gr"),
                Contact.list("kernel@crater.dragonflybsd.org"));
        assertThat(virtio.prerequisites()).isEqualTo("C, elementary OS internals");
        assertThat(virtio.difficulty()).isEqualTo("Easy");
        assertThat(virtio.description()).contains("virtio-ring implementation")
                .doesNotContain("Contact point", "Meta information", "Difficulty:");
        assertThat(virtio.id()).isEqualTo(
                "003-88f8e6d8780f8997-old/implement-virtio-drivers-on-dragonfly-to-speed-up-dragonfly");
    }

    @Test
    void pfIdeaOnNewSideHasListAndIrcChannel() throws CatalogException {
        Catalog newSide = reader.read(CATALOGS.resolve("003_88f8e6d8780f8997.txt")).get(0);

        Idea pf = idea(newSide, "Port pf firewall changes from FreeBSD");

        assertThat(pf.contacts()).containsExactly(
                Contact.list("kernel@crater.dragonflybsd.org"), Contact.irc("#dragonfly"));
        assertThat(pf.prerequisites()).isEqualTo("C, network programing");
        assertThat(pf.difficulty()).isEqualTo("Moderate");
        assertThat(pf.mentors()).isEmpty();
    }

    @Test
    void nickContactIsResolvedThroughTheDirectory() throws CatalogException {
        for (Catalog side : reader.read(CATALOGS.resolve("003_88f8e6d8780f8997.txt"))) {
            Idea abi = idea(side, "Implement i386 32-bit ABI for x86_64 64-bit kernel");
            assertThat(abi.contacts()).containsExactly(Contact.mentor("Matthew Dillon", "dillon@backplane.com"));
        }
    }

    @Test
    void withoutADirectoryNickStaysAnUnresolvedMentor() throws CatalogException {
        Catalog oldSide = new CatalogReader(MentorDirectory.empty())
                .read(CATALOGS.resolve("003_88f8e6d8780f8997.txt")).get(1);

        assertThat(idea(oldSide, "Implement i386 32-bit ABI for x86_64 64-bit kernel").contacts())
                .containsExactly(Contact.mentor("dillon", null));
        // And no fallback list either: that comes from the directory.
        assertThat(idea(oldSide, "Port usb4bsd").contacts())
                .containsExactly(Contact.list("kernel@crater.dragonflybsd.org"));
    }

    @Test
    void defaultCatalogDirectoryReadsAllFourSeeds() throws CatalogException {
        List<Catalog> catalogs = reader.read(CATALOGS);

        assertThat(catalogs).extracting(Catalog::format)
                .containsExactly("gsoc-archive", "plain-text", "research-page", "ikiwiki-diff", "ikiwiki-diff");
        assertThat(catalogs.stream().flatMap(c -> c.ideas().stream()).map(Idea::id).distinct().count())
                .isEqualTo(catalogs.stream().mapToLong(c -> c.ideas().size()).sum());
    }
}
