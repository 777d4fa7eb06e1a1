package org.mentorbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapingTest {

    @Test
    void htmlEscapesTheFiveCharactersAndDropsControlCharacters() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
        assertThat(Html.escape("a\u0000b\u0007c\u001bd\u007f\u0085e\n\tf")).isEqualTo("abcde\n\tf");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("Stéphanie 😀")).isEqualTo("Stéphanie 😀");
    }

    @Test
    void aSnippetIsEscapedBeforeItsMarksBecomeMarkElements() {
        assertThat(Html.snippet("<b>\u0002virtio\u0003</b> & \u0002<i>\u0003"))
                .isEqualTo("&lt;b&gt;<mark>virtio</mark>&lt;/b&gt; &amp; <mark>&lt;i&gt;</mark>");
    }

    @Test
    void unbalancedMarksCannotLeaveAnElementOpenOrCloseOneThatIsNot() {
        assertThat(Html.snippet("a\u0003b\u0002c\u0002d")).isEqualTo("ab<mark>cd</mark>");
        assertThat(Html.snippet("\u0003\u0003x")).isEqualTo("x");
    }

    @Test
    void xmlDropsWhatXml10CannotCarry() {
        assertThat(Xml.escape("<t a='1'>\"&\"</t>")).isEqualTo("&lt;t a=&apos;1&apos;&gt;&quot;&amp;&quot;&lt;/t&gt;");
        assertThat(Xml.escape("a\u0002b\u0003c\u0000d\uFFFEe\uD800f")).isEqualTo("abcdef");
        assertThat(Xml.escape("tab\tnl\ncr\r 😀 \uFFFD")).isEqualTo("tab\tnl\ncr\r 😀 \uFFFD");
    }

    @Test
    void fileNamesAreSlugsOfTheIdWhateverItHolds() {
        assertThat(FileNames.of("message", "<CA+x/y=z@Mail.Example.com>", "eml")).isEqualTo("message-ca-x-y-z-mail-example-com.eml");
        assertThat(FileNames.of("thread", "<\"\r\nContent-Type: text/html\r\n\r\n<script>@x>", "mbox"))
                .isEqualTo("thread-content-type-text-html-script-x.mbox");
        assertThat(FileNames.of("message", "<ééé>", "eml")).isEqualTo("message.eml");
        assertThat(FileNames.of("message", "<" + "a".repeat(200) + "@x>", "eml")).hasSize("message-".length() + 60 + ".eml".length());
    }

    @Test
    void idsArePercentEncodedWithNothingLeftThatMeansSomethingInAUrl() {
        assertThat(Links.message("<CA+x/y=z&w%41 b#c?d@mail.example.com>"))
                .isEqualTo("/message?id=%3CCA%2Bx%2Fy%3Dz%26w%2541%20b%23c%3Fd%40mail.example.com%3E");
        assertThat(Request.of("GET", "/message", "id=%3CCA%2Bx%2Fy%3Dz%26w%2541%20b%23c%3Fd%40mail.example.com%3E").param("id"))
                .isEqualTo("<CA+x/y=z&w%41 b#c?d@mail.example.com>");
        assertThat(Request.of("GET", "/", "q=a+b&q=second&inline&page=").params())
                .containsEntry("q", "a b").containsEntry("inline", "").containsEntry("page", "");
    }
}
