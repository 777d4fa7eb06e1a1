package org.mentorbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void aRefinementGoesBeforeTheSortWhichMustStayLast() {
        assertThat(QueryText.refine("virtio sort:-date", "mentor", "a@b.org")).isEqualTo("virtio mentor:\"a@b.org\" sort:-date");
        assertThat(QueryText.refine("virtio", "idea", "Say \"hi\"")).isEqualTo("virtio idea:\"Say  hi\"");
        assertThat(QueryText.refine("virtio ", "d", "2011")).isEqualTo("virtio d:\"2011\"");
    }

    @Test
    void theChosenOrderIsAddedUnlessTheQueryNamesOne() {
        assertThat(QueryText.withOrder("virtio", Links.Sort.NEWEST)).isEqualTo("virtio sort:-date");
        assertThat(QueryText.withOrder("virtio", Links.Sort.RELEVANCE)).isEqualTo("virtio");
        assertThat(QueryText.withOrder("virtio sort:date", Links.Sort.NEWEST)).isEqualTo("virtio sort:date");
        assertThat(QueryText.newestFirst("virtio sort:relevance")).isEqualTo("virtio sort:-date");
        assertThat(QueryText.sortOf("a sort:x b")).isNull();
        assertThat(QueryText.withoutSort("s:sort:date")).isEqualTo("s:sort:date");
    }
}
