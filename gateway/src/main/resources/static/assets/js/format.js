// Dates shown in the user's time zone and language; the API speaks ISO-8601 UTC only.

import { language } from './i18n.js';

export function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  return new Intl.DateTimeFormat(language() === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** The value of an <input type="datetime-local"> (local wall-clock time) as an ISO-8601 UTC instant. */
export function localInputToIso(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Now plus some minutes, formatted for an <input type="datetime-local"> in local time. */
export function localInputValue(minutesFromNow) {
  const date = new Date(Date.now() + minutesFromNow * 60000);
  date.setSeconds(0, 0);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}

export function number(n) {
  return new Intl.NumberFormat(language()).format(n ?? 0);
}

/**
 * The wall-clock time of an instant in a given time zone (a property's, for quiet hours), 24-hour "HH:mm" in either
 * language; the instant as it came when the zone or the instant cannot be read.
 */
export function timeIn(iso, timeZone) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) {
    return iso ? String(iso) : '';
  }
  try {
    return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
      .format(date);
  } catch {
    return date.toISOString();
  }
}
