package io.chipwatch.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageIdentifierTest {

    private static final LanguageIdentifier LANGUAGES = new LanguageIdentifier();

    @Test
    void chineseWithSomeLatinWordsIsChinese() {
        assertThat(LANGUAGES.identify("英伟达发布了新的GPU芯片，采用HBM内存。")).isEqualTo("zh");
    }

    @Test
    void englishAndTagalogFragmentsAreRecognised() {
        assertThat(LANGUAGES.identify("The company said demand for its accelerators remains very strong this year.")).isEqualTo("en");
        assertThat(LANGUAGES.identify("Sinabi ng kumpanya na ang mga pondo ay pangunahing gagamitin sa pananaliksik at pag-unlad ng mga bagong produkto.")).isEqualTo("tl");
    }

    @Test
    void textWithoutLettersIsUndetermined() {
        assertThat(LANGUAGES.identify("2025-10-25 10:20 —— 123")).isEqualTo("und");
    }
}
