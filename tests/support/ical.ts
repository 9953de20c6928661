// Reads an .ics text the way a calendar app would, with Mozilla's ical.js (not the library that
// wrote it), so the tests see what subscribers see. Shared by Vitest and Playwright.
import ICAL from "ical.js";

export type ParsedEvent = { uid: string; summary: string; description: string; url: string; start: string; end: string; allDay: boolean };

/** The calendar's name and its events; throws if the text is not valid iCalendar. */
export function parseFeed(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: String(component.getFirstPropertyValue("url")),
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate && event.endDate.isDate,
    };
  });
  return { name: String(calendar.getFirstPropertyValue("x-wr-calname")), events };
}
