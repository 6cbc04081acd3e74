//! `/arrangor/laspaket`: every submitted application in one document, for the
//! jury to print (each application on a page of its own) or save as PDF.

use crate::{
    api::jury::{PrintPacket, jury_packet},
    components::loaded::when_loaded,
    i18n::texts,
    pages::jury::review::ApplicationText,
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PacketPage() -> impl IntoView {
    let t = texts();
    let data = OnceResource::new(jury_packet());
    view! {
        <Title text=t.o.packet_title />
        <div class="wrap page reading">
            <h1>{t.o.packet_title}</h1>
            {when_loaded(data, |found| match found {
                None => view! { <p>{texts().ap.no_round}</p> }.into_any(),
                Some(packet) => view! { <Packet packet /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Packet(packet: PrintPacket) -> impl IntoView {
    let t = texts();
    if packet.texts.is_empty() {
        return view! {
            <p class="lead">{packet.round_title}</p>
            <p>{t.o.packet_empty}</p>
        }
        .into_any();
    }
    let anchor = |i: usize| format!("ansokan-{}", i + 1);
    view! {
        <p class="lead">{packet.round_title.clone()}</p>
        <p class="no-print">{t.o.packet_intro}</p>
        <nav aria-labelledby="innehall-rubrik">
            <h2 id="innehall-rubrik">{t.o.packet_contents}</h2>
            <ol>
                {packet.texts.iter().enumerate().map(|(i, text)| view! {
                    <li><a href=format!("#{}", anchor(i))>{format!("{} ({})", text.kommun, text.reference)}</a></li>
                }).collect_view()}
            </ol>
        </nav>
        {packet.texts.into_iter().enumerate().map(|(i, text)| view! {
            <article class="packet-entry" aria-labelledby=anchor(i)>
                <ApplicationText text id=anchor(i) nested=true />
            </article>
        }).collect_view()}
    }
    .into_any()
}
