//! A round's dates as a calendar file (`/utmarkelser/{award}/omgang.ics`): the deadline and the
//! ceremony, for anyone to add to their calendar.

use crate::domain::round::Round;
use chrono::Duration;
use icalendar::{Calendar, Component, Event, EventLike};

/// How long the ceremony is booked for: the call gives only its start.
const CEREMONY_LENGTH: Duration = Duration::hours(2);

pub fn round_calendar(round: &Round, base_url: &str) -> String {
    let host = base_url.split("://").nth(1).unwrap_or(base_url).trim_end_matches('/');
    let award = format!("{base_url}/utmarkelser/{}", round.award_id);
    let deadline = Event::new()
        .uid(&format!("{}-sista-ansokningsdag@{host}", round.id))
        .summary(&format!("Sista ansökningsdag: {}", round.title))
        .description(&format!("Ansökan ska vara inskickad senast kl. 23.59. Läs mer och ansök: {award}"))
        .starts(round.deadline.last_minute_utc())
        .ends(round.deadline.closes_at_utc())
        .url(&award)
        .done();
    let ceremony = Event::new()
        .uid(&format!("{}-utdelning@{host}", round.id))
        .summary(&format!("Utdelning: {}", round.title))
        .location(&round.ceremony_place)
        .starts(round.ceremony_at)
        .ends(round.ceremony_at + CEREMONY_LENGTH)
        .url(&format!("{award}/vinnare"))
        .done();
    Calendar::new().name(&round.title).push(deadline).push(ceremony).done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::seed::ehalsokommun_2027;

    #[test]
    fn the_calendar_holds_the_deadline_minute_and_the_ceremony_in_utc() {
        let ics = round_calendar(&ehalsokommun_2027(), "https://portal.example.se");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        // 15 april 23.59 Swedish summer time is 21.59 UTC.
        assert!(ics.contains("DTSTART:20270415T215900Z\r\n"), "{ics}");
        assert!(ics.contains("DTEND:20270415T220000Z\r\n"), "{ics}");
        assert!(ics.contains("SUMMARY:Sista ansökningsdag: Sveriges eHälsokommun 2027\r\n"), "{ics}");
        assert!(ics.contains("UID:ehalsokommun-2027-utdelning@portal.example.se\r\n"), "{ics}");
        assert!(ics.contains("URL:https://portal.example.se/utmarkelser/ehalsokommun/vinnare\r\n"), "{ics}");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    }
}
