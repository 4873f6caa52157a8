package org.civictaskforce.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void wordsAreLowerCaseWithoutAccentsSplitOnAnythingButLettersAndDigits() {
        assertThat(SearchWords.words("Zhanna Édouard-Ömer  O.")).containsExactly("zhanna", "edouard", "omer", "o");
        assertThat(SearchWords.words("Гүлнара Ахмедова, Ёлка")).containsExactly("гүлнара", "ахмедова", "елка");
        assertThat(SearchWords.words("Қазақстан ӨНДІРІС ESS10 ESS10")).containsExactly("қазақстан", "өндіріс", "ess10");
        assertThat(SearchWords.words((String) null)).isEmpty();
        assertThat(SearchWords.words(List.of("a b", "b c"))).containsExactly("a", "b", "c");
    }

    @Test
    void regexAndOperatorCharactersAreNeverPartOfAWord() {
        assertThat(SearchWords.queryPrefixes("{\"$gt\":\"\"} .* (a|b) ^x$ \\d+"))
                .allSatisfy(w -> assertThat(w).matches("[\\p{L}\\p{N}]+"));
    }

    @Test
    void queryWordsLoseOneCommonEndingWhenAStemRemains() {
        assertThat(SearchWords.queryPrefixes("стандартов")).containsExactly("стандарт");
        assertThat(SearchWords.queryPrefixes("стандарты")).containsExactly("стандарт");
        assertThat(SearchWords.queryPrefixes("гражданского общества")).containsExactly("гражданск", "обществ");
        assertThat(SearchWords.queryPrefixes("policies policy")).containsExactly("polic");
        assertThat(SearchWords.queryPrefixes("reprisals")).containsExactly("reprisal");
        assertThat(SearchWords.queryPrefixes("мир")).containsExactly("мир");
        assertThat(SearchWords.queryPrefixes("bank")).containsExactly("bank");
    }
}
