package netralitas.hub.report;

/** How a report reached the hub. */
public enum Channel { CSV, EMAIL }
