package io.chipwatch.web;

import com.sun.net.httpserver.HttpServer;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.Lexicon;
import io.chipwatch.store.HanLpAnalyzer;
import io.chipwatch.store.SearchStore;

import java.util.function.Supplier;

/** Puts the analysts' API ({@code /api/}) and web page ({@code /}) on an HTTP server. */
public final class WebApp {

    private WebApp() {
    }

    /**
     * @param store the store to search, asked on every request: null until it is open (answered with 503)
     */
    public static void mount(HttpServer server, Supplier<SearchStore> store, Gazetteer gazetteer, Lexicon lexicon) {
        Snippets snippets = new Snippets(new HanLpAnalyzer(gazetteer), gazetteer);
        server.createContext("/api/", new ApiHandler(new QueryApi(store, gazetteer, lexicon, snippets)));
        server.createContext("/", new AssetHandler());
    }
}
