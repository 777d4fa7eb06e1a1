package org.mentorbot.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Wed, 23 Feb 2011 23:43:00 -0800        | 2011-02-24T07:43:00Z",
        "Sun,  2 Apr 2017 21:43:56 +0200 (CEST) | 2017-04-02T19:43:56Z",
        "Wed, 23 Feb 2011                       | 2011-02-23T00:00:00Z",
        "23 Feb 2011 23:43:00 +0000             | 2011-02-23T23:43:00Z",
        "Wed, 23 Feb 11 23:43:00 GMT            | 2011-02-23T23:43:00Z",
        "Mon, 6 Jan 97 10:00 EST                | 1997-01-06T15:00:00Z",
        "Wed, 23 Feb 2011 23:43:00 PST          | 2011-02-24T07:43:00Z",
        "Wed, 23 Feb 2011 23:43:00 (CET)        | 2011-02-23T22:43:00Z",
        "Wed Feb 23 23:43:00 2011               | 2011-02-23T23:43:00Z",
        "Wed Feb 23 23:43:00 PST 2011           | 2011-02-24T07:43:00Z",
        "Tue, 20 Mar 2018 21:09:22 +0100        | 2018-03-20T20:09:22Z",
        "Thu, 1 January 2015 8:05:09 +0530      | 2015-01-01T02:35:09Z",
        "2011-02-23T23:43:00+01:00              | 2011-02-23T22:43:00Z",
        "23-Feb-2011 10:00:00 +0000             | 2011-02-23T10:00:00Z",
        "Sat, 31 Dec 2016 23:59:60 +0000        | 2016-12-31T23:59:59Z",
    })
    void readsCommonAndBrokenDates(String value, String expected) {
        assertThat(DateParser.parse(value)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "Wed, 31 Feb 2011 10:00:00 +0000", "12:00:00", "Feb 2011"})
    void returnsNullForWhatIsNotADate(String value) {
        assertThat(DateParser.parse(value)).isNull();
    }
}
