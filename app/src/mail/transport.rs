use super::OutgoingMail;
use lettre::{
    AsyncFileTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Mailbox, MultiPart, SinglePart, header::ContentType},
    transport::smtp::AsyncSmtpTransport,
};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    #[error("SMTP_URL: {0}")]
    Config(String),
    #[error("invalid address {0:?}")]
    Address(String),
    #[error("could not build the message: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("SMTP: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("outbox folder: {0}")]
    File(#[from] lettre::transport::file::Error),
    #[error("outbox folder: {0}")]
    Io(#[from] std::io::Error),
}

/// Where mail goes: an SMTP server, or the outbox folder when none is configured.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(PathBuf),
}

impl Transport {
    /// SMTP when `smtp_url` is set, otherwise the outbox folder, which is
    /// created if missing. smtps:// is TLS from the start; smtp:// must upgrade
    /// with STARTTLS, except to a server on this machine.
    pub fn new(smtp_url: Option<&str>, outbox_dir: &std::path::Path) -> Result<Transport, TransportError> {
        match smtp_url {
            Some(url) => {
                let url = require_starttls(url);
                let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
                    .map_err(|e| TransportError::Config(e.to_string()))?;
                Ok(Transport::Smtp(builder.timeout(Some(std::time::Duration::from_secs(20))).build()))
            }
            None => {
                std::fs::create_dir_all(outbox_dir)?;
                Ok(Transport::Outbox(outbox_dir.to_path_buf()))
            }
        }
    }

    pub async fn send(&self, from: &str, id: &str, mail: &OutgoingMail) -> Result<(), TransportError> {
        let message = build(from, id, mail)?;
        match self {
            Transport::Smtp(smtp) => {
                smtp.send(message).await?;
            }
            Transport::Outbox(dir) => {
                let written = AsyncFileTransport::<Tokio1Executor>::new(dir).send(message).await?;
                tracing::info!(to = %mail.to, subject = %mail.subject, file = %dir.join(format!("{written}.eml")).display(), "mail written to the outbox");
            }
        }
        Ok(())
    }
}

/// lettre sends smtp:// in the clear unless told otherwise; passwords and
/// personal data must not cross a network that way.
fn require_starttls(url: &str) -> String {
    let Some(rest) = url.strip_prefix("smtp://") else {
        return url.to_owned();
    };
    let host = rest.rsplit('@').next().unwrap_or(rest).split(['/', '?']).next().unwrap_or_default();
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h).trim_matches(['[', ']']);
    let loopback = host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if loopback || url.contains("tls=") {
        url.to_owned()
    } else {
        format!("{url}{}tls=required", if url.contains('?') { '&' } else { '?' })
    }
}

fn build(from: &str, id: &str, mail: &OutgoingMail) -> Result<Message, TransportError> {
    let from: Mailbox = from.parse().map_err(|_| TransportError::Address(from.to_owned()))?;
    let to: Mailbox = mail.to.parse().map_err(|_| TransportError::Address(mail.to.clone()))?;
    let domain = from.email.domain().to_owned();
    Ok(Message::builder()
        .from(from)
        .to(to)
        .subject(&mail.subject)
        // The queue id in the Message-ID lets a receiver drop a copy resent after a crash.
        .message_id(Some(format!("<{id}@{domain}>")))
        .multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(mail.text.clone()))
                .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(mail.html.clone())),
        )?)
}

#[cfg(test)]
mod tests {
    use super::require_starttls;

    #[test]
    fn smtp_on_the_network_must_use_starttls() {
        assert_eq!(require_starttls("smtp://mail.example.se:587"), "smtp://mail.example.se:587?tls=required");
        assert_eq!(require_starttls("smtp://u:p@mail.example.se"), "smtp://u:p@mail.example.se?tls=required");
        assert_eq!(require_starttls("smtp://127.0.0.1:2525"), "smtp://127.0.0.1:2525");
        assert_eq!(require_starttls("smtp://localhost"), "smtp://localhost");
        assert_eq!(require_starttls("smtp://[::1]:25"), "smtp://[::1]:25");
        assert_eq!(
            require_starttls("smtp://mail.example.se?tls=opportunistic"),
            "smtp://mail.example.se?tls=opportunistic"
        );
        assert_eq!(require_starttls("smtps://mail.example.se"), "smtps://mail.example.se");
    }
}
