// A small $metadata document in finance & operations' shape for unit tests: company-specific and
// global entities, an enum, navigation, bound actions, read-only fields and entities.
import { parseMetadata } from './metadata.js'

export const FIXTURE_XML = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/></edmx:Reference>
<edmx:DataServices>
<Schema Namespace="Microsoft.Dynamics.DataEntities" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<EntityType Name="CustomerV3">
  <Key><PropertyRef Name="dataAreaId"/><PropertyRef Name="CustomerAccount"/></Key>
  <Property Name="dataAreaId" Type="Edm.String" Nullable="false" MaxLength="4"/>
  <Property Name="CustomerAccount" Type="Edm.String" Nullable="false" MaxLength="20"><Annotation Term="Core.Description" String="Customer account"/></Property>
  <Property Name="OrganizationName" Type="Edm.String" Nullable="false" MaxLength="100"><Annotation Term="Core.Description" String="Name"/></Property>
  <Property Name="CustomerGroupId" Type="Edm.String" Nullable="false" MaxLength="10"/>
  <Property Name="CreditLimit" Type="Edm.Decimal" Precision="32" Scale="6"/>
  <Property Name="OnHoldStatus" Type="Microsoft.Dynamics.DataEntities.CustVendorBlocked"/>
  <Property Name="CreatedDate" Type="Edm.DateTimeOffset"><Annotation Term="Core.Computed" Bool="true"/></Property>
  <NavigationProperty Name="SalesOrderHeaders" Type="Collection(Microsoft.Dynamics.DataEntities.SalesOrderHeaderV2)"/>
  <Annotation Term="Core.Description" String="Customers"/>
</EntityType>
<EntityType Name="SalesOrderHeaderV2">
  <Key><PropertyRef Name="dataAreaId"/><PropertyRef Name="SalesOrderNumber"/></Key>
  <Property Name="dataAreaId" Type="Edm.String" Nullable="false" MaxLength="4"/>
  <Property Name="SalesOrderNumber" Type="Edm.String" Nullable="false" MaxLength="20"/>
  <Property Name="OrderingCustomerAccountNumber" Type="Edm.String" Nullable="false" MaxLength="20"/>
  <Property Name="SalesOrderStatus" Type="Microsoft.Dynamics.DataEntities.SalesStatus"><Annotation Term="Core.Computed" Bool="true"/></Property>
  <Property Name="RequestedShippingDate" Type="Edm.DateTimeOffset"/>
  <Property Name="TotalOrderAmount" Type="Edm.Decimal"/>
  <NavigationProperty Name="Customer" Type="Microsoft.Dynamics.DataEntities.CustomerV3"/>
  <Annotation Term="Core.Description" String="Sales orders"/>
</EntityType>
<EntityType Name="SalesOrderLine">
  <Key><PropertyRef Name="dataAreaId"/><PropertyRef Name="InventoryLotId"/></Key>
  <Property Name="dataAreaId" Type="Edm.String" Nullable="false"/>
  <Property Name="InventoryLotId" Type="Edm.String" Nullable="false"/>
  <Property Name="SalesOrderNumber" Type="Edm.String" Nullable="false"/>
  <Property Name="ItemNumber" Type="Edm.String"/>
  <Property Name="LineAmount" Type="Edm.Decimal"/>
  <Property Name="OrderedSalesQuantity" Type="Edm.Decimal"/>
</EntityType>
<EntityType Name="LegalEntity">
  <Key><PropertyRef Name="LegalEntityId"/></Key>
  <Property Name="LegalEntityId" Type="Edm.String" Nullable="false" MaxLength="4"/>
  <Property Name="Name" Type="Edm.String" Nullable="false"/>
  <Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false"/></Record></Annotation>
</EntityType>
<EntityType Name="ReleasedProduct">
  <Key><PropertyRef Name="dataAreaId"/><PropertyRef Name="ItemNumber"/><PropertyRef Name="LineNumber"/></Key>
  <Property Name="dataAreaId" Type="Edm.String" Nullable="false"/>
  <Property Name="ItemNumber" Type="Edm.String" Nullable="false"/>
  <Property Name="LineNumber" Type="Edm.Int32" Nullable="false"/>
</EntityType>
<EnumType Name="CustVendorBlocked"><Member Name="No" Value="0"/><Member Name="Invoice" Value="1"/><Member Name="All" Value="2"/></EnumType>
<EnumType Name="SalesStatus"><Member Name="None" Value="0"/><Member Name="Backorder" Value="1"/><Member Name="Invoiced" Value="3"/><Member Name="Delivered" Value="2"/></EnumType>
<Action Name="ConfirmSalesOrder" IsBound="true"><Parameter Name="_bindingParameter" Type="Microsoft.Dynamics.DataEntities.SalesOrderHeaderV2"/><ReturnType Type="Edm.String"/><Annotation Term="Core.Description" String="Confirms the sales order."/></Action>
<Action Name="RecalculatePrices" IsBound="true"><Parameter Name="_bindingParameter" Type="Collection(Microsoft.Dynamics.DataEntities.SalesOrderHeaderV2)"/><Parameter Name="_asOf" Type="Edm.Date" Nullable="false"/><Parameter Name="_note" Type="Edm.String"/></Action>
<EntityContainer Name="Resources">
  <EntitySet Name="CustomersV3" EntityType="Microsoft.Dynamics.DataEntities.CustomerV3"/>
  <EntitySet Name="SalesOrderHeadersV2" EntityType="Microsoft.Dynamics.DataEntities.SalesOrderHeaderV2"/>
  <EntitySet Name="SalesOrderLines" EntityType="Microsoft.Dynamics.DataEntities.SalesOrderLine"/>
  <EntitySet Name="LegalEntities" EntityType="Microsoft.Dynamics.DataEntities.LegalEntity"/>
  <EntitySet Name="ReleasedProductsV2" EntityType="Microsoft.Dynamics.DataEntities.ReleasedProduct"/>
</EntityContainer>
</Schema>
</edmx:DataServices>
</edmx:Edmx>`

export const fixtureMetadata = () => parseMetadata(FIXTURE_XML)
