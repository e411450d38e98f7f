<#--
  bounce-notice.txt.ftl — plain-text body of the notice to Bawaslu staff (hub.routing.triage-inbox) that a mail of a
  case's follow-up came back undelivered: a case mail, a daily digest, a reminder or an escalation. Its HTML twin is
  bounce-notice.html.ftlh: change both together. The subject ("[TIDAK TERKIRIM] " + the case mail's subject) is built
  by the hub.

  Data model:
    mail              which mail came back ("surat kasus", "ringkasan harian", "pengingat ke-1", "surat eskalasi")
    digest            boolean: the mail was about more than one case (a digest)
    failed            list of {address, status ("5.1.1" or "-"), diagnostic (the remote server's answer, or "-")};
                      empty when the bounce does not say to whom it failed
    cases             list of {caseId, subject (the case mail's), place, forwardedAt, recipients (list)}
    returnedMessageId the Message-ID of the mail that came back
    bounceMailbox     which of the hub's mailboxes the bounce came to ("kotak surat laporan (laporan@…)")
    bounceFolder      the folder it was filed in
    bounceFrom        the bounce's sender, or "-"
    bounceSubject     the bounce's subject, or "-"
    receivedAt        when the hub read the bounce ("3 Oktober 2024 pukul 09.00 WIB")
    signature         {unit, address, phone, email}
-->
Yth. Petugas triase Bawaslu,

Server email mengembalikan ${mail} Netralitas Hub berikut karena tidak dapat diantarkan. Instansi
penerima belum menerima surat ini; tindak lanjut baru dapat diharapkan setelah surat sampai kepada
mereka.

<#if failed?has_content>
Gagal terkirim kepada:
<#list failed as f>
  - ${f.address}<#if f.status != "-"> (status ${f.status})</#if>
<#if f.diagnostic != "-">
    Jawaban server: ${f.diagnostic}
</#if>
</#list>
<#else>
Pemberitahuan server email tidak menyebutkan alamat yang gagal; lihat pemberitahuan aslinya.
</#if>

<#if digest>Kasus dalam surat ini:<#else>Kasus:</#if>
<#list cases as c>
  ${c.caseId} — ${c.place}
    Subjek   : ${c.subject}
    Dikirim  : ${c.forwardedAt}
    Kepada   : <#list c.recipients as address>${address}<#sep>, </#list>
</#list>

Mohon:
1. Periksa alamat yang gagal. Bila alamat itu salah atau tidak dipakai lagi, perbaiki kolom
   bkpsdm_inbox, inspektorat_inbox atau bawaslu_inbox wilayahnya di config/regions.csv (alamat
   Kanreg BKN: config/bkn-kanreg.csv) dan mulai ulang hub, agar surat untuk kasus berikutnya sampai.
2. Hubungi instansi penerima dan teruskan surat yang kembali ke alamat yang benar. Pemberitahuan
   server email, dengan surat aslinya bila server menyertakannya, tersimpan di
   ${bounceMailbox}, folder "${bounceFolder}"
   (pengirim ${bounceFrom}, subjek "${bounceSubject}", diterima ${receivedAt}).
Bila kotak surat instansi penuh atau servernya sedang bermasalah, langkah 2 saja sudah cukup.

Pengingat kasus ini tetap dikirim sesuai jadwal ke alamat semula (alamat yang diperbaiki berlaku
untuk kasus berikutnya), demikian pula eskalasinya. Message-ID surat yang kembali:
${returnedMessageId}

Hormat kami,
${signature.unit}
${signature.address}
Telepon ${signature.phone} · Email ${signature.email}

--
Email ini dikirim secara otomatis oleh Netralitas Hub atas nama ${signature.unit}.
