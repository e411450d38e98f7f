<#--
  acknowledgement.txt.ftl — the plain-text reply a reporter gets when their email reaches the Bawaslu mailbox
  (hub.mail.acknowledge). It never says where the case was sent, and never repeats the report's content.

  Data model (strings are "-" when absent):
    outcome     "ACCEPTED" | "NOT_PROCESSED" | "CSV_BATCH"
    caseId      the case id to quote ("-" for CSV_BATCH)
    subject     the reporter's subject line;  sentDate: "21 Oktober 2024"
    reason      why the report could not be processed (NOT_PROCESSED)
    csvFiles    list of {fileName, accepted (number), rejected (number), error ("-" when the file was read),
                rejectsAttached (boolean)}
    attachmentsLeftOut  one sentence on the files not taken (counts and sizes, never names), "-" when none
-->
Yth. Pelapor,

Terima kasih. Email Anda dengan subjek "${subject}" yang dikirim pada ${sentDate} telah diterima oleh Bawaslu.

<#switch outcome>
  <#case "ACCEPTED">
Nomor kasus: ${caseId}

Laporan Anda telah dicatat dan diteruskan untuk ditindaklanjuti oleh pihak yang berwenang.
Mohon sebutkan nomor kasus tersebut bila Anda menghubungi Bawaslu mengenai laporan ini.
    <#break>
  <#case "NOT_PROCESSED">
Nomor kasus: ${caseId}

Laporan Anda belum dapat diproses secara otomatis karena: ${reason}.
Petugas Bawaslu akan memeriksanya. Anda juga dapat mengirim ulang laporan dengan baris-baris berikut:

  NIP Terlapor: (18 angka, bila diketahui)
  Nama Terlapor:
  Jabatan Terlapor:
  Instansi Terlapor:
  Wilayah: (mis. Kabupaten Kepahiang)
  Tanggal Kejadian: (mis. 21/10/2024)
  Jenis Pelanggaran:
  Uraian: (kronologi kejadian)
  Bukti: (tautan, atau lampirkan berkas)
    <#break>
  <#case "CSV_BATCH">
Berkas rekap yang Anda lampirkan telah diproses:
<#list csvFiles as file>
  - ${file.fileName}: <#if file.error != "-">tidak dapat dibaca (${file.error})<#else>${file.accepted} baris diterima, ${file.rejected} baris ditolak<#if file.rejectsAttached> (rincian dan alasannya terlampir)</#if></#if>
</#list>

Setiap baris yang diterima dicatat sebagai kasus tersendiri. Baris yang ditolak dapat diperbaiki dan dikirim ulang.
    <#break>
  <#default>
    <#stop "outcome tidak dikenal: " + outcome>
</#switch>
<#if attachmentsLeftOut != "-">

Catatan lampiran: ${attachmentsLeftOut}
</#if>

Identitas Anda sebagai pelapor dirahasiakan dan tidak disampaikan kepada instansi tempat terlapor bekerja.

Pesan ini dikirim otomatis oleh Netralitas Hub Bawaslu; tidak perlu dibalas.
