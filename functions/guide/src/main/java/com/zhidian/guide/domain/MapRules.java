package com.zhidian.guide.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a store map must be before it is kept: a grid of 2 to 40 cells a side; at most {@value #MAX_ZONES} zones, each
 * with a unique id and a unique name (compared trimmed and case-insensitively), a known kind, 1 to {@value #MAX_RECTS}
 * rectangles wholly inside the grid; and no cell covered twice, within a zone or across zones. Every fault is named
 * with the field it is in, so the editor can point at it; nothing is kept while one remains.
 */
public final class MapRules {
    public static final int MIN_SIDE = 2;
    public static final int MAX_SIDE = 40;
    public static final int MAX_ZONES = 80;
    public static final int MAX_RECTS = 40;

    /** Field error codes of a map (the generic ones, such as out_of_range, come from the request's own checks). */
    public static final String OUTSIDE_GRID = "outside_grid";
    public static final String OVERLAP = "overlap";
    public static final String DUPLICATE = "duplicate";

    private MapRules() {}

    /** One fault: the field (as the request names it), its code, and words in English and Chinese. */
    public record Issue(String field, String code, String en, String zh) {}

    public static List<Issue> check(int width, int height, List<Zone> zones) {
        List<Issue> out = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        int[][] owner = new int[Math.max(0, Math.min(width, MAX_SIDE))][Math.max(0, Math.min(height, MAX_SIDE))];
        for (int i = 0; i < zones.size(); i++) {
            Zone z = zones.get(i);
            String at = "zones[" + i + "]";
            Integer sameId = ids.putIfAbsent(z.id(), i);
            if (sameId != null) out.add(new Issue(at + ".id", DUPLICATE, "zone id " + z.id() + " is also zone " + (sameId + 1) + "'s",
                    "区域编号 " + z.id() + " 与第 " + (sameId + 1) + " 个区域重复"));
            Integer sameName = names.putIfAbsent(nameKey(z.name()), i);
            if (sameName != null) out.add(new Issue(at + ".name", DUPLICATE, "the name " + z.name().trim() + " is also zone " + (sameName + 1) + "'s",
                    "名称 " + z.name().trim() + " 与第 " + (sameName + 1) + " 个区域重复"));
            for (int j = 0; j < z.cells().size(); j++) {
                Rect r = z.cells().get(j);
                String cell = at + ".cells[" + j + "]";
                if (!r.inside(width, height)) {
                    out.add(new Issue(cell, OUTSIDE_GRID, "must lie inside the " + width + " × " + height + " grid",
                            "须在 " + width + " × " + height + " 的网格之内"));
                    continue;
                }
                int clash = 0;
                for (int x = r.x(); x < r.x() + r.width() && clash == 0; x++) {
                    for (int y = r.y(); y < r.y() + r.height(); y++) {
                        if (owner[x][y] != 0) {
                            clash = owner[x][y];
                            break;
                        }
                    }
                }
                if (clash != 0) {
                    boolean self = clash - 1 == i;
                    out.add(new Issue(cell, OVERLAP, self ? "covers cells this zone already covers" : "overlaps zone " + zones.get(clash - 1).name().trim(),
                            self ? "与本区域已覆盖的格子重叠" : "与区域 " + zones.get(clash - 1).name().trim() + " 重叠"));
                    continue;
                }
                for (int x = r.x(); x < r.x() + r.width(); x++) for (int y = r.y(); y < r.y() + r.height(); y++) owner[x][y] = i + 1;
            }
        }
        return out;
    }

    /** How two names are compared for uniqueness: trimmed, case-insensitively. */
    public static String nameKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
