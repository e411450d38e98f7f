<#--
  case.txt.ftl — plain-text body of the email about one case (SPEC §7). Its HTML twin is case.html.ftlh:
  change both together. The subject is not made here (the hub builds it, so no report text can reach a header).

  Data model. Every text value is a string, "-" when absent; a misspelt name stops the email with an error
  naming this file (the hub checks all templates at start-up).
    purpose            "BKPSDM_ACTION" | "VILLAGE_OFFICIAL" | "CENTRAL_AGENCY" | "TRIAGE"
    caseId, registerNumber (Bawaslu's nomor laporan), incidentDate ("14 September 2024")
    incidentDateIsMailDate (boolean: the report gave no date; incidentDate is the day its email was sent)
    channel            "CSV" | "EMAIL";  source: where Bawaslu keeps the report ("file.csv:12", the message) —
                       TRIAGE only, else "-"
    subjectType        "ASN" | "PPPK" | "KEPALA_DESA" | "PERANGKAT_DESA" (as reported)
    regime             "PNS" | "PPPK" | "KEPALA_DESA" | "PERANGKAT_DESA": the law that governs the accused
                       (BKN's record, else the number's form, else the report);  asn (boolean: PNS or PPPK)
    subjectTypeLabel   "ASN — Pegawai Negeri Sipil (PNS)", "Kepala Desa" …;  nipLabel: "NIP" or "NI PPPK"
    displayName        BKN name with titles when verified, else as reported;  displayNip: NIP or "tanpa NIP"
    reported.{name, nip, position, agency, regionName, regionCode}        — as the report says
    bkn.status         "VERIFIED" | "NOT_FOUND" | "NO_NIP";  bkn.verified (boolean)
    bkn.{name, nip, jabatan, jenisJabatan, eselon, unor, unorInduk, satuanKerja, instansiKerja, instansiInduk,
         kedudukan, golongan, jenisPegawai, lokasiKerja}                  — "-" unless verified; unorInduk and
                       instansiInduk also "-" when they are the unit or employer itself
    mismatch.{name, agency, region, any}  (booleans: the report disagrees with BKN)
    classified (boolean);  category.{code, label, legalBasis, needsReview (boolean)}
    severity ("BERAT", "SEDANG", "RINGAN", "BUKAN PELANGGARAN", "BELUM DIKLASIFIKASI"), baseSeverity,
    escalated (boolean), escalationReasons (list of sentences)
    basis.{general, specific, all}  lists of the regulations cited (config/categories.yaml: the ASN law and the joint
                       decree, or the village laws; then the category's and the final severity's);
    basis.sanction     what the competent official is asked to impose, "-" when nothing (not classified)
    description, place;  evidence: list of {url, web (boolean: an http(s) link)}
    attachments        files of an emailed report: list of {name, size ("1,2 MB"), bytes ("1.234.567 byte": exact),
                       sha256 (lower-case hex of the file, "-" when not attached), attached (boolean: false when
                       over hub.mail.max-attachment-bytes, or left out to keep this email within
                       hub.smtp.max-message-bytes), withheldForMail (boolean: left out for the latter)}
    attachmentsLeftOut files of the report after the first hub.mail.max-attachments-per-message, not forwarded:
                       {any (boolean), count (number), size ("1,2 MB", all of them), names (list: the first few
                       short names), unnamed (number: those not in names), max (number: the maximum per message),
                       mailLimit ("9,5 MB": hub.smtp.max-message-bytes when it left a file out, else "-")}
    region.{known (boolean), code, name, fullName, type, government ("Pemerintah Kabupaten …"),
            head ("Bupati …", "Wali Kota …", "Gubernur …": the Pejabat Pembina Kepegawaian), personnelOffice ("BKPSDM"/"BKD")}
    reportedRegion     same keys as region: the region the report named
    regionConflict (boolean: report and BKN point at different regions; BKN wins)
    regionNotes        list of sentences (a conflict is not among them: mismatch.region states it)
    central (boolean: employee of a central agency);  centralAgency: its name
    kanreg.{known (boolean), name, city}
    signature.{unit, address, phone, email}  the Bawaslu unit that signs (hub.mail.signature.*)
    followUp.deadline  "Senin, 28 Oktober 2024 pukul 10.00 WIB": the date the office is asked to report back by (SPEC §12)
    followUp.related   the id of the first open case about the same person this mail is threaded to, "-" when none
    reporterShown (boolean, true only for TRIAGE);  reporter.{name, contact} — EXISTS ONLY WHEN reporterShown:
    the reporter's identity must never reach the regional office (SPEC §9).
-->
Mohon tindak lanjut paling lambat ${followUp.deadline}.
<#if followUp.related != "-">
Laporan ini terkait dengan kasus ${followUp.related} yang telah kami sampaikan sebelumnya (terlapor yang sama).
Kasus ini tetap ditangani dan dilaporkan tindak lanjutnya sebagai kasus tersendiri.
</#if>

<#switch purpose>
  <#case "BKPSDM_ACTION">
    <#if region.known>
Yth. ${region.head}
selaku Pejabat Pembina Kepegawaian ${region.government}
c.q. Kepala ${region.personnelOffice} ${region.fullName}
    <#else>
Yth. Pejabat Pembina Kepegawaian instansi terlapor
c.q. Kepala BKPSDM/BKD
    </#if>
    <#break>
  <#case "VILLAGE_OFFICIAL">
Yth. Ketua Bawaslu<#if region.known> ${region.fullName}</#if>
    <#break>
  <#case "CENTRAL_AGENCY">
Yth. Pejabat Pembina Kepegawaian ${centralAgency}
c.q. Kepala Biro Kepegawaian/Sumber Daya Manusia ${centralAgency}
melalui Tim Penanganan Netralitas ASN Instansi Pusat, Bawaslu
    <#break>
  <#case "TRIAGE">
Yth. Tim Triase Bawaslu
    <#break>
  <#default>
    <#stop "purpose tidak dikenal: " + purpose>
</#switch>
di tempat

Dengan hormat,

<#if asn>
Bersama ini kami sampaikan laporan dugaan pelanggaran netralitas Aparatur Sipil Negara (ASN)
dalam pemilihan kepala daerah yang diterima Bawaslu, dengan rincian sebagai berikut.
<#else>
Bersama ini kami sampaikan laporan dugaan pelanggaran netralitas ${subjectTypeLabel?lower_case} dalam pemilihan
kepala daerah yang diterima Bawaslu, dengan rincian sebagai berikut.
</#if>

Nomor kasus            : ${caseId}
Nomor laporan Bawaslu  : ${registerNumber}
<#if incidentDateIsMailDate>
Tanggal kejadian       : tidak disebut dalam laporan; tanggal email: ${incidentDate}
<#else>
Tanggal kejadian       : ${incidentDate}
</#if>
<#if channel == "CSV">
Sumber laporan         : laporan tertulis yang dihimpun Bawaslu<#if source != "-"> (berkas ${source})</#if>
<#elseif channel == "EMAIL">
Sumber laporan         : email kepada Bawaslu<#if source != "-"> (${source})</#if>
</#if>

A. TERLAPOR

Jenis terlapor         : ${subjectTypeLabel}

Menurut laporan:
  Nama                 : ${reported.name}
<#if asn || reported.nip != "tanpa NIP">
  ${nipLabel?right_pad(21)}: ${reported.nip}
</#if>
  Jabatan              : ${reported.position}
  Instansi             : ${reported.agency}
  Wilayah              : ${reported.regionName}<#if reported.regionCode != "-"> (kode ${reported.regionCode})</#if>
<#if asn>

Menurut data BKN (SIASN):
  <#if bkn.verified>
  Nama dan gelar       : ${bkn.name}
  ${nipLabel?right_pad(21)}: ${bkn.nip}
  Jenis pegawai        : ${bkn.jenisPegawai}
  Jabatan              : ${bkn.jabatan} (${bkn.jenisJabatan}<#if bkn.eselon != "-">, eselon ${bkn.eselon}</#if>)
  Unit organisasi      : ${bkn.unor}
    <#if bkn.unorInduk != "-">
  Unit induk           : ${bkn.unorInduk}
    </#if>
  Instansi kerja       : ${bkn.instansiKerja}
    <#if bkn.instansiInduk != "-">
  Instansi induk       : ${bkn.instansiInduk}
    </#if>
  Status kedudukan     : ${bkn.kedudukan}
  Golongan/ruang       : ${bkn.golongan}
  <#elseif bkn.status == "NOT_FOUND">
  ${nipLabel} tidak ditemukan di BKN — perlu verifikasi
  <#else>
  Laporan tidak mencantumkan NIP — identitas perlu diverifikasi
  </#if>
</#if>
<#if mismatch.any>

PERBEDAAN DATA LAPORAN DAN BKN:
  <#if mismatch.name>
  - Nama pada laporan (${reported.name}) berbeda dengan nama di BKN (${bkn.name}).
  </#if>
  <#if mismatch.agency>
  - Instansi pada laporan (${reported.agency}) berbeda dengan instansi kerja di BKN (${bkn.instansiKerja}).
  </#if>
  <#if mismatch.region>
  - Wilayah pada laporan (${reportedRegion.name}, kode ${reportedRegion.code}) berbeda dengan wilayah
    instansi terlapor menurut BKN (${region.name}, kode ${region.code}). Penanganan mengikuti data BKN.
  </#if>
</#if>
<#if regionNotes?has_content>

Catatan wilayah:
  <#list regionNotes as note>
  - ${note}
  </#list>
</#if>

B. DUGAAN PELANGGARAN

<#if classified>
Kategori               : ${category.label}
Tingkat pelanggaran    : ${severity}<#if escalated> (dinaikkan dari ${baseSeverity})</#if><#if category.needsReview> — perlu ditinjau</#if>
  <#if escalated>
Alasan peningkatan     :
    <#list escalationReasons as reason>
  - ${reason}
    </#list>
  </#if>
  <#if category.needsReview>
Kategori pelanggaran belum dapat dipastikan; tingkat pelanggaran bersifat sementara dan perlu ditinjau.
  </#if>
<#else>
Kategori               : belum diklasifikasi — perlu ditinjau
</#if>
Dasar hukum            :
<#list basis.all as citation>
  - ${citation}
</#list>
Tempat kejadian        : ${place}

Uraian kejadian:
${description}

<#if evidence?has_content>
Tautan bukti:
  <#list evidence as item>
  - ${item.url}
  </#list>
<#elseif !attachments?has_content && !attachmentsLeftOut.any>
Bukti: laporan tidak menyertakan tautan maupun berkas bukti.
</#if>
<#if attachments?has_content || attachmentsLeftOut.any>

Berkas dari laporan asli:
<#list attachments as file>
  - ${file.name} (${file.size}) — <#if file.attached>terlampir pada email ini
    ukuran ${file.bytes}; SHA-256 ${file.sha256}<#elseif file.withheldForMail>TIDAK DILAMPIRKAN karena ukuran email dibatasi ${attachmentsLeftOut.mailLimit}; berkas asli disimpan Bawaslu dan dapat diminta dengan menyebut nomor kasus ${caseId}<#else>TIDAK DILAMPIRKAN karena melebihi batas ukuran; berkas asli disimpan Bawaslu dan dapat diminta dengan menyebut nomor kasus ${caseId}</#if>
</#list>
<#if attachmentsLeftOut.any>
  - ${attachmentsLeftOut.count} berkas lain (${attachmentsLeftOut.size}) TIDAK DITERUSKAN karena satu laporan hanya dapat membawa ${attachmentsLeftOut.max} lampiran<#if attachmentsLeftOut.names?has_content>: ${attachmentsLeftOut.names?join(", ")}<#if attachmentsLeftOut.unnamed gt 0> dan ${attachmentsLeftOut.unnamed} lainnya</#if></#if>; email asli disimpan Bawaslu dan berkasnya dapat diminta dengan menyebut nomor kasus ${caseId}
</#if>
<#if attachments?filter(file -> file.attached)?has_content>

Berkas terlampir diteruskan utuh, sama persis dengan yang dikirim pelapor: ukuran dan nilai SHA-256 berkas yang
diterima dapat dicocokkan dengan angka di atas (mis. "sha256sum <berkas>" atau "certutil -hashfile <berkas> SHA256").
</#if>
</#if>

C. WILAYAH PENANGANAN

<#if central>
Instansi pusat         : ${centralAgency}
<#elseif region.known>
Wilayah                : ${region.name} (kode ${region.code})
<#else>
Wilayah                : belum diketahui
</#if>
<#if asn && kanreg.known>
Kantor Regional BKN    : ${kanreg.name}<#if kanreg.city != "-">, ${kanreg.city}</#if>
</#if>

D. PERMOHONAN TINDAK LANJUT

<#switch purpose>
  <#case "BKPSDM_ACTION">
Sesuai kewenangan Bapak/Ibu selaku Pejabat Pembina Kepegawaian, kami mohon Bapak/Ibu:
1. memerintahkan pemeriksaan terhadap terlapor atas dugaan pelanggaran di atas;
2. bila terbukti, menjatuhkan <#if basis.sanction != "-">${basis.sanction}<#else>hukuman disiplin atau sanksi sesuai hasil pemeriksaan</#if>;
3. melaporkan tindak lanjut dan hasilnya kepada Bawaslu dan kepada Badan Kepegawaian Negara (BKN)<#if kanreg.known>
   melalui ${kanreg.name}</#if>, dengan mencantumkan nomor kasus ${caseId}.

BKN melaksanakan pengawasan netralitas Pegawai ASN sejak tugas Komisi Aparatur Sipil Negara (KASN)
dialihkan berdasarkan UU Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara.
    <#if !bkn.verified>

Identitas terlapor belum terverifikasi di BKN; mohon verifikasi identitas terlapor terlebih dahulu.
    </#if>
    <#if severity == "BERAT">

Mengingat tingkat pelanggaran BERAT, salinan email ini juga disampaikan kepada Inspektorat daerah
dan Kantor Regional BKN.
    </#if>
    <#break>
  <#case "VILLAGE_OFFICIAL">
Terlapor adalah ${subjectTypeLabel?lower_case}. Kami mohon Bapak/Ibu:
1. menindaklanjuti dugaan pelanggaran ini berdasarkan dasar hukum di atas;
2. bila terbukti, meneruskan rekomendasi kepada <#if region.type == "KABUPATEN" || region.type == "KOTA">${region.head}<#else>Bupati/Wali Kota</#if> melalui Camat
   untuk pengenaan ${basis.sanction};
3. mencatat tindak lanjut dengan mencantumkan nomor kasus ${caseId}.
    <#break>
  <#case "CENTRAL_AGENCY">
Terlapor adalah pegawai instansi pusat (${centralAgency}), sehingga penjatuhan sanksi menjadi kewenangan
Pejabat Pembina Kepegawaian instansi tersebut. Email ini diterima Tim Penanganan Netralitas ASN Instansi
Pusat Bawaslu untuk diteruskan kepada unit kepegawaian ${centralAgency}. Kami mohon:
1. memerintahkan pemeriksaan terhadap terlapor atas dugaan pelanggaran di atas;
2. bila terbukti, menjatuhkan <#if basis.sanction != "-">${basis.sanction}<#else>hukuman disiplin atau sanksi sesuai hasil pemeriksaan</#if>;
3. melaporkan tindak lanjut dan hasilnya kepada Bawaslu dan kepada Badan Kepegawaian Negara (BKN),
   dengan mencantumkan nomor kasus ${caseId}.

BKN melaksanakan pengawasan netralitas Pegawai ASN sejak tugas Komisi Aparatur Sipil Negara (KASN)
dialihkan berdasarkan UU Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara.
    <#break>
  <#case "TRIAGE">
Laporan ini belum dapat diteruskan secara otomatis<#if !region.known && !central>: wilayah instansi terlapor belum dapat ditentukan</#if>.
Kami mohon Bapak/Ibu:
1. menentukan wilayah dan instansi yang berwenang<#if !bkn.verified> serta memverifikasi identitas terlapor</#if><#if !classified || category.needsReview>, dan meninjau kategori pelanggaran</#if>;
2. meneruskan laporan secara manual kepada Pejabat Pembina Kepegawaian instansi tersebut c.q. BKPSDM/BKD
   (bagi kepala desa/perangkat desa: kepada Bawaslu setempat), SETELAH menghapus identitas pelapor;
3. mencatat tindak lanjut dengan mencantumkan nomor kasus ${caseId}.
    <#break>
</#switch>

E. PERLINDUNGAN PELAPOR

<#if reporterShown>
IDENTITAS PELAPOR — RAHASIA, HANYA UNTUK BAWASLU:
  Nama pelapor         : ${reporter.name}
  Kontak pelapor       : ${reporter.contact}
Identitas pelapor dirahasiakan terhadap instansi terlapor: hapus bagian ini sebelum meneruskan email.
<#else>
Identitas pelapor dirahasiakan untuk melindungi pelapor dari tindakan balasan. Bawaslu menyimpan
identitas tersebut; bila diperlukan untuk pemeriksaan, permintaan disampaikan secara resmi kepada Bawaslu.
</#if>

Demikian kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.

Hormat kami,
${signature.unit}
${signature.address}
Telepon ${signature.phone} · Email ${signature.email}

--
Email ini disusun dan dikirim secara otomatis oleh Netralitas Hub atas nama ${signature.unit}.

CARA MENANGGAPI: balas email ini tanpa mengubah subjeknya (nomor kasus ${caseId} harus tetap ada)
dan awali balasan dengan baris-baris berikut, masing-masing pada barisnya sendiri:
  Status: DIPROSES
  Sanksi: <sanksi yang dijatuhkan, bila ada>
  Keterangan: <penjelasan singkat>
Isi Status dengan salah satu dari:
  DITERIMA       — email ini sudah diterima dan akan ditindaklanjuti;
  DIPROSES       — pemeriksaan terhadap terlapor sedang berjalan;
  SELESAI        — pemeriksaan selesai dan sanksi telah dijatuhkan (sebutkan pada baris Sanksi);
  TIDAK TERBUKTI — pemeriksaan selesai dan pelanggaran tidak terbukti.
Lampirkan salinan surat keputusan penjatuhan sanksi bila ada. Balasan tanpa baris Status dicatat sebagai
DITERIMA. Kirim balasan baru setiap kali status berubah, paling lambat ${followUp.deadline}.
