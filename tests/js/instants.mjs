// Print the UTC instants of every VEVENT and VTODO in an iCalendar file, as
// Mozilla's ical.js (the library behind Thunderbird's and many web calendars)
// reads them, one JSON object a line.
//
//   node tests/js/instants.mjs calendar.ics [path/to/ical.js]
//
// The VTIMEZONEs of the file are registered first, as a calendar client does,
// so a TZID resolves to the rules the file gives. Dates (all-day) are printed
// as "YYYY-MM-DD"; date-times as UTC "YYYY-MM-DDTHH:MM:SSZ"; a floating
// date-time (no zone) as "floating:..." so a test can refuse it. Recurrences
// print their first occurrences.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [file, libArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node instants.mjs calendar.ics [ical.js path]");
  process.exit(2);
}
const lib = libArg ?? resolve(".ci/js/node_modules/ical.js/dist/ical.js");
const ICAL = (await import(pathToFileURL(lib).href)).default;

function show(t) {
  if (t === null || t === undefined) return null;
  if (t.isDate) return t.toString();
  if (t.zone === ICAL.Timezone.localTimezone) return "floating:" + t.toString();
  return t.convertToZone(ICAL.Timezone.utcTimezone).toString();
}

const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
for (const vtz of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
}
for (const comp of [...root.getAllSubcomponents("vevent"), ...root.getAllSubcomponents("vtodo")]) {
  const out = { type: comp.name, uid: comp.getFirstPropertyValue("uid"),
                summary: comp.getFirstPropertyValue("summary") };
  if (comp.name === "vevent") {
    const ev = new ICAL.Event(comp);
    out.start = show(ev.startDate);
    out.end = comp.hasProperty("dtend") || comp.hasProperty("duration") ? show(ev.endDate) : null;
    if (ev.isRecurring()) {
      const it = ev.iterator();
      out.occurrences = [];
      for (let n = 0, next; n < 3 && (next = it.next()); n++) out.occurrences.push(show(next));
      // with LATER=YYYY-MM-DD in the environment, also the first two occurrences from that day on
      if (process.env.LATER) {
        const later = ev.iterator();
        out.later = [];
        for (let n = 0, next; n < 5000 && out.later.length < 2 && (next = later.next()); n++) {
          if (next.toString().slice(0, 10) >= process.env.LATER) out.later.push(show(next));
        }
      }
    }
  } else {
    out.due = show(comp.getFirstPropertyValue("due"));
  }
  out.alarms = comp.getAllSubcomponents("valarm").map((a) => String(a.getFirstPropertyValue("trigger")));
  out.related = comp.getAllSubcomponents("valarm").map(
    (a) => a.getFirstProperty("trigger").getParameter("related") ?? "START");
  out.status = comp.getFirstPropertyValue("status");
  out.sequence = comp.getFirstPropertyValue("sequence");
  console.log(JSON.stringify(out));
}
