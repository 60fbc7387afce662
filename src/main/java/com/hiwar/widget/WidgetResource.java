package com.hiwar.widget;

import com.hiwar.comment.CommentsConfig;
import com.hiwar.http.StaticAssets;
import com.hiwar.report.Reports;
import com.hiwar.report.ReportsConfig;
import io.vertx.core.json.Json;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The embeddable widget and the listing-page counter, as publishers load them:
 * {@code <script src="https://comments.example/embed.js" async>}. The stylesheet is inlined
 * into the script (adopted by its Shadow DOM), so embedding costs one request.
 */
@Path("/")
@Tag(name = "Widget")
public class WidgetResource {

    static final String CACHE = "public, max-age=300, stale-while-revalidate=86400";

    /** The widget's modules, by concern, in the order they are joined into embed.js. */
    static final List<String> MODULES = List.of("widget/modules/start.js", "web/el.js", "widget/modules/i18n.js",
            "widget/modules/text.js", "widget/modules/api.js", "widget/modules/render.js", "widget/modules/write.js",
            "widget/modules/live.js", "widget/modules/widget.js");

    @Inject
    CommentsConfig comments;

    @Inject
    ReportsConfig reports;

    @GET
    @Path("embed.js")
    @PermitAll
    @Operation(summary = "The comment widget: mounts on #hiwar-comments, or through Hiwar.mount(el, options)")
    public Response embed(@Context HttpHeaders headers) {
        // The limits and reasons the service enforces, so the widget never copies them.
        return StaticAssets.serveBundle(headers, "embed.js", MODULES,
                () -> Map.of("minLength", comments.minLength(), "maxLength", comments.maxLength(),
                        "reportReasons", Reports.REASONS, "reportNoteMaxLength", reports.noteMaxLength()),
                CACHE, js -> js.replace("__HIWAR_CSS__", Json.encode(StaticAssets.read("widget/hiwar.css"))));
    }

    @GET
    @Path("count.js")
    @PermitAll
    @Operation(summary = "Fills every data-hiwar-count element with its article's comment count")
    public Response count(@Context HttpHeaders headers) {
        return StaticAssets.serve(headers, "widget/count.js", CACHE);
    }
}
