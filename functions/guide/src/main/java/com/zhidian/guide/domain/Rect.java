package com.zhidian.guide.domain;

/** A rectangle of grid cells: columns {@code x .. x+width-1}, rows {@code y .. y+height-1} (0-based, top left). */
public record Rect(int x, int y, int width, int height) {
    public boolean contains(int cx, int cy) {
        return cx >= x && cx < x + width && cy >= y && cy < y + height;
    }

    public boolean overlaps(Rect o) {
        return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
    }

    /** Whole inside a grid of {@code gridWidth} × {@code gridHeight} cells. */
    public boolean inside(int gridWidth, int gridHeight) {
        return x >= 0 && y >= 0 && width >= 1 && height >= 1 && (long) x + width <= gridWidth && (long) y + height <= gridHeight;
    }

    public int cells() {
        return width * height;
    }
}
