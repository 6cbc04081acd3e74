-- Without JavaScript, a form's typed text now comes back whole however long it
-- is, and through an outage or an ended session too (server/src/kept_text.rs):
-- the statement's known problem saying otherwise is no longer true, wherever it stands.
UPDATE accessibility_statement SET known_issues = REPLACE(known_issues, 'Utan JavaScript: skickas ett formulär tillbaka för att något behöver rättas, och det du skrev i det är längre än ett par tusen tecken, visas formuläret igen utan den texten. Ansökans delar sparas ändå var för sig; med JavaScript påslaget finns texten alltid kvar i formuläret.', '');
